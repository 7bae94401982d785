/** Thin, eager wrappers: they read the mode from the store and load the real component when needed. */
import { lazy, Suspense, useEffect } from 'react';
import { instructorViewFromUrl } from '../../instructor/url';
import { useLabStore } from '../../store/labStore';
import type { DemoPlayerProps } from './DemoPlayer';

const BarBody = lazy(() => import('./InstructorBar'));
const PresenterImpl = lazy(() => import('./PresenterView'));
const NotesImpl = lazy(() => import('./NotesWindow'));
const DemoImpl = lazy(() => import('./DemoPlayer'));
const LessonNotesImpl = lazy(() => import('./InstructorNotes'));

let urlApplied = false;
/** `?instructor=1` / `=0` switches the saved setting once per page load. */
function useUrlSwitch(): void {
  useEffect(() => {
    if (urlApplied) return;
    urlApplied = true;
    const { instructor } = instructorViewFromUrl();
    if (instructor !== null) useLabStore.getState().setInstructorMode(instructor);
  }, []);
}

const useInstructorMode = () => useLabStore((s) => s.instructorMode);

/** The setting, for the header: a checkbox that turns instructor mode on and off. */
export function InstructorToggle() {
  useUrlSwitch();
  const on = useInstructorMode();
  return (
    <label className="instructor-toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => useLabStore.getState().setInstructorMode(e.currentTarget.checked)}
        data-testid="instructor.toggle"
      />{' '}
      Instructor<span className="instructor-toggle-long"> mode</span>
    </label>
  );
}

/** Segment, pacing timer, Present and Notes window: a strip under the header in instructor mode. */
export function InstructorBar() {
  useUrlSwitch();
  if (!useInstructorMode()) return null;
  return (
    <Suspense fallback={null}>
      <BarBody />
    </Suspense>
  );
}

/** The projector layout, over the whole window, while presenting. */
export function PresenterView() {
  const presenting = useLabStore((s) => s.instructorMode && s.presenting);
  if (!presenting) return null;
  return (
    <Suspense fallback={null}>
      <PresenterImpl />
    </Suspense>
  );
}

/** The whole page for `?presenter=notes` (render it instead of the lab). */
export function NotesWindow() {
  return (
    <Suspense fallback={<p className="muted">Loading the notes…</p>}>
      <NotesImpl />
    </Suspense>
  );
}

/** The scripted demos, with their picker (instructor mode only). */
export function DemoPlayer(props: DemoPlayerProps) {
  if (!useInstructorMode()) return null;
  return (
    <Suspense fallback={<p className="muted">Loading the demos…</p>}>
      <DemoImpl {...props} />
    </Suspense>
  );
}

/** Notes, tips and answers for the lesson in the lesson pane (instructor mode only). */
export function InstructorNotes(props: { readonly lessonId?: string }) {
  if (!useInstructorMode()) return null;
  return (
    <Suspense fallback={null}>
      <LessonNotesImpl {...props} />
    </Suspense>
  );
}
