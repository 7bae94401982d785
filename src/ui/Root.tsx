/**
 * Picks the screen the URL asks for: the lab, or a live classroom's student or instructor screen
 * (`?join=CODE`, `?classroom=instructor`), or the presenter's notes window (`?presenter=notes`). Those
 * screens are lazy chunks.
 */
import { Suspense } from 'react';
import { App } from './App';
import { classroomFromUrl } from './classroom/classroomUrl';
import { LazyInstructorClassroom, LazyStudentClassroom } from './classroom/lazy';
import { instructorViewFromUrl, NotesWindow } from './instructor';
import { PythonStatus } from './PythonStatus';
import { ThemePicker } from './ThemePicker';

const route = typeof location === 'undefined' ? null : classroomFromUrl();
const notesWindow = typeof location !== 'undefined' && instructorViewFromUrl().view === 'notes';

function ClassroomShell({
  children,
  python,
}: {
  readonly children: React.ReactNode;
  /** A student's quiz screen runs no Python, so it shows no Python status. */
  readonly python: boolean;
}) {
  return (
    <div className="app classroom-shell">
      <header className="app-header">
        <h1>
          λ Lambda Lab <span className="muted">Live class</span>
        </h1>
        <div className="header-tools">
          {python && <PythonStatus />}
          <ThemePicker />
        </div>
      </header>
      <main className="classroom-main">
        <Suspense fallback={<p className="muted">Loading the classroom…</p>}>{children}</Suspense>
      </main>
    </div>
  );
}

export function Root() {
  if (notesWindow) return <NotesWindow />;
  if (route?.role === 'student')
    return (
      <ClassroomShell python={false}>
        <LazyStudentClassroom />
      </ClassroomShell>
    );
  if (route?.role === 'instructor')
    return (
      <ClassroomShell python>
        <LazyInstructorClassroom />
      </ClassroomShell>
    );
  return <App />;
}
