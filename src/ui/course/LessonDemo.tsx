/**
 * A lesson's `lab-demo` block: the instructor's scripted demo, for self-study. The player (and with it
 * the demo runner) loads only when the learner asks for it.
 */
import { lazy, Suspense, useState } from 'react';

const DemoPlayer = lazy(() => import('../instructor/DemoPlayer'));

export interface LessonDemoProps {
  /** A demo id under lessons/demos. */
  readonly id: string;
  readonly label: string;
}

export function LessonDemo({ id, label }: LessonDemoProps) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <p className="course-open">
        <button type="button" onClick={() => setOpen(true)} data-testid="lesson.demo" data-demo={id}>
          {label} <span aria-hidden="true">▶</span>
        </button>
      </p>
    );
  return (
    <section className="course-demo" aria-label={label} data-testid="lesson.demo.player" data-demo={id}>
      <Suspense fallback={<p className="muted">Loading the demo…</p>}>
        <DemoPlayer demoId={id} />
      </Suspense>
    </section>
  );
}
