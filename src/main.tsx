import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPython } from './controller/lab';
import { useLabStore } from './store/labStore';
import { registerServiceWorker } from './sw/registerServiceWorker';
import { instructorViewFromUrl } from './ui/instructor';
import { Root } from './ui/Root';
import './ui/app.css';

// Python starts first: its worker downloads and compiles while React renders and the course loads. The
// presenter's notes window shows notes only and runs no Python.
if (instructorViewFromUrl().view !== 'notes') startPython();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

/** Settles once Python is ready or has failed: offline caching then starts without slowing the boot. */
const afterBoot = new Promise<void>((resolve) => {
  const settled = () => ['ready', 'failed'].includes(useLabStore.getState().python.state);
  if (settled()) return resolve();
  const stop = useLabStore.subscribe(() => {
    if (!settled()) return;
    stop();
    resolve();
  });
});
if (import.meta.env.PROD)
  registerServiceWorker(import.meta.env.BASE_URL, {
    afterBoot,
    notify: (text) => useLabStore.getState().addNotice('info', text),
  });
