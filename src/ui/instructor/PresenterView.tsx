/**
 * The projector layout: the whole window, big type for the back of the room at 1280x720. The current
 * segment's points (or one of its demos), the timer, and what comes next. Arrow keys and Page Up/Down
 * move between segments; Escape leaves. Notes and answers stay off this screen (the notes window).
 */
import './instructor.css';
import './presenter.css';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Plan } from '../../instructor/plan';
import { useLabStore } from '../../store/labStore';
import DemoPlayer from './DemoPlayer';
import { openNotesWindow } from './InstructorBar';
import { PacingTimer } from './PacingTimer';
import { SegmentNav, useSegment } from './SegmentNav';
import { useInstructorContent } from './useInstructorContent';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** The lab's own visualizers (the learner's world, or the 1,000-environment demo) in their large view. */
const VizPanel = lazy(() => import('../viz/VizPanel'));
/** The tab that shows the lab's visualizers; demo ids are kebab-case, so this never clashes. */
const LAB_VIZ = ':visualizers';

export default function PresenterView() {
  const content = useInstructorContent();
  if (content.status !== 'ready' || !content.content.plan)
    return (
      <div
        className="presenter"
        role="dialog"
        aria-modal="true"
        aria-label="Presenter view"
        data-testid="presenter"
      >
        <p className="presenter-loading">
          {content.status === 'failed'
            ? `The plan could not be loaded: ${content.message}`
            : 'Loading the plan…'}
        </p>
      </div>
    );
  const titles = new Map(content.content.demos.map((d) => [d.script.id, d.script.title]));
  return <Presenter plan={content.content.plan} titles={titles} />;
}

function Presenter({ plan, titles }: { readonly plan: Plan; readonly titles: ReadonlyMap<string, string> }) {
  const { index, segment, next, prev, forward } = useSegment(plan);
  const [shown, setShown] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const keys = useRef({ prev, forward });
  keys.current = { prev, forward };
  const demos = segment?.demos ?? [];
  const demo = shown !== null && demos.includes(shown) ? shown : null;
  const viz = shown === LAB_VIZ;
  // A new segment opens on its points.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on segment change only
  useEffect(() => setShown(null), [index]);
  useEffect(() => {
    root.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      // A key a focused control already used (the timeline's zoom arrows) is not a segment move.
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (e.target instanceof HTMLElement && TYPING.has(e.target.tagName)) return;
      if (e.key === 'Escape') useLabStore.getState().setPresenting(false);
      else if (e.key === 'ArrowRight' || e.key === 'PageDown') keys.current.forward();
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') keys.current.prev();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!segment) return null;
  return (
    <div
      className={demo || viz ? 'presenter presenter-demo' : 'presenter'}
      role="dialog"
      aria-modal="true"
      aria-label="Presenter view"
      data-testid="presenter"
      ref={root}
      tabIndex={-1}
    >
      <header className="presenter-top">
        <h2 className="presenter-title" data-testid="presenter.title">
          {segment.title}
        </h2>
        <PacingTimer plan={plan} size="big" />
      </header>
      <nav className="presenter-tabs" aria-label="Show">
        <button
          type="button"
          aria-pressed={demo === null && !viz}
          onClick={() => setShown(null)}
          data-testid="presenter.points-tab"
        >
          Points
        </button>
        {demos.map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={demo === d}
            onClick={() => setShown(d)}
            data-testid={`presenter.demo.${d}`}
          >
            Demo: {titles.get(d) ?? d}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={viz}
          onClick={() => setShown(LAB_VIZ)}
          data-testid="presenter.visualizers"
        >
          Lab visualizers
        </button>
      </nav>
      <main className="presenter-body">
        {demo ? (
          <DemoPlayer demoId={demo} size="projector" />
        ) : viz ? (
          <Suspense fallback={<p>Loading the visualizers…</p>}>
            <VizPanel presenting />
          </Suspense>
        ) : (
          <ul className="presenter-points" data-testid="presenter.points">
            {segment.points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </main>
      <footer className="presenter-bottom">
        <SegmentNav plan={plan} showTitle={false} />
        <span className="presenter-next" data-testid="presenter.next-up">
          {next ? `Next: ${next.title}` : 'Last segment'}
        </span>
        <span className="presenter-actions">
          <button type="button" onClick={openNotesWindow} data-testid="presenter.notes-window">
            Notes window
          </button>
          <button
            type="button"
            onClick={() => useLabStore.getState().setPresenting(false)}
            data-testid="presenter.exit"
          >
            Exit <kbd>Esc</kbd>
          </button>
        </span>
      </footer>
    </div>
  );
}
