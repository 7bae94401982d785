import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPython } from './controller/lab/lab';
import { pageRunsPython } from './pageRunsPython';
import { useLabStore } from './store/labStore';
import { whenPythonSettles } from './ui/editor/lazyEditor';
import { Root } from './ui/Root';
import './ui/app.css';

// The entry script (boot.ts) has started the first worker already; the pool adopts it while React renders.
if (pageRunsPython()) startPython();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

// The service worker's registration loads after the first paint: nothing it does is needed before.
if (import.meta.env.PROD)
  void import('./sw/registerServiceWorker').then(({ registerServiceWorker }) =>
    registerServiceWorker(import.meta.env.BASE_URL, {
      // Offline caching starts once Python has started, so it does not slow a first visit.
      afterBoot: whenPythonSettles(60_000),
      notify: (text) => useLabStore.getState().addNotice('info', text),
    }),
  );
