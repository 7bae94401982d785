/** Mounts one classroom screen by URL, as the app shell will; the instructor's page boots Python for replays. */
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { startPython } from '../../controller/lab';
import { classroomFromUrl } from './classroomUrl';
import { LazyInstructorClassroom, LazyStudentClassroom } from './lazy';
import '../app.css';

const route = classroomFromUrl();
const root = document.getElementById('root');
if (!root) throw new Error('dev.html has no #root element');
if (route?.role === 'instructor') startPython();
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
