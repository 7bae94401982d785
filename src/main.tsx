import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPython } from './controller/lab/lab';
import { useLabStore } from './store/labStore';
import { registerServiceWorker } from './sw/registerServiceWorker';
import { classroomFromUrl } from './ui/classroom/classroomUrl';
import { whenPythonSettles } from './ui/editor/lazyEditor';
import { instructorViewFromUrl } from './ui/instructor';
import { Root } from './ui/Root';
import './ui/app.css';

// Python starts first: its worker downloads and compiles while React renders and the course loads. The
// presenter's notes window and a student's live-quiz screen run no Python (the lab tab boots its own).
if (instructorViewFromUrl().view !== 'notes' && classroomFromUrl()?.role !== 'student') startPython();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

if (import.meta.env.PROD)
  registerServiceWorker(import.meta.env.BASE_URL, {
    // Offline caching starts once Python has started, so it does not slow a first visit.
    afterBoot: whenPythonSettles(60_000),
    notify: (text) => useLabStore.getState().addNotice('info', text),
  });
