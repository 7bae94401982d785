/** Mounts one classroom screen by URL, as the app shell will (`&python=on` boots Python for replays). */
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { startPython } from '../../controller/lab/lab';
import { classroomFromUrl } from './classroomUrl';
import { LazyInstructorClassroom, LazyStudentClassroom } from './lazy';
import '../app.css';

const route = classroomFromUrl();
const root = document.getElementById('root');
if (!root) throw new Error('dev.html has no #root element');
// Python (for the predict replay) only on request: three pages booting it at once starve a small machine.
if (new URLSearchParams(location.search).get('python') === 'on') startPython();
// The app's theme picker is not on this page: follow the system's scheme.
document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches
  ? 'dark'
  : 'light';
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={<p>Loading…</p>}>
      {route?.role === 'instructor' ? <LazyInstructorClassroom /> : <LazyStudentClassroom />}
    </Suspense>
  </StrictMode>,
);
