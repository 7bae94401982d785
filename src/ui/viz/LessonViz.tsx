/**
 * A lesson's `lab-viz` block: the visualizer it names, drawing a scenario run in a fresh copy of the
 * block's world with real Python. It runs once the block scrolls into view and Python is ready.
 */
import './vizPanel.css';
import { useEffect, useRef, useState } from 'react';
import type { VizKind } from '../../controller/scenarios/vizLabLessons';
import type { TraceEvent } from '../../sim';
import { useLabStore } from '../../store/labStore';
import { FlowDrawing } from './FlowDrawing';
import { PushPollDrawing } from './PushPollView';
import { TimelineDrawing } from './TimelineDrawing';
import { loadVizLab } from './vizLabModule';

const SCENARIO: Record<VizKind, string> = {
  lifecycle: 'three requests, 3 s apart',
  'cold-start': 'two bursts, each one request more than is provisioned',
  concurrency: 'two bursts of 10 requests at once',
  'push-poll': 'an upload, a notification, ten queue messages and three table rows',
  'event-flow': 'something through every trigger',
  'api-flow': 'a request to every API route',
};

function useVisible(ref: React.RefObject<HTMLElement | null>): boolean {
  const [visible, setVisible] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (!el || visible) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setVisible(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, visible]);
  return visible;
}

type Run = { readonly events: readonly TraceEvent[] } | { readonly error: string } | null;

export interface LessonVizProps {
  readonly lessonId: string;
  readonly kind: VizKind;
  readonly world: string;
}

export default function LessonViz({ lessonId, kind, world }: LessonVizProps) {
  const ready = useLabStore((s) => s.python.state === 'ready');
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const [run, setRun] = useState<Run>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!ready || !visible || attempt < 0) return;
    let live = true;
    loadVizLab()
      .then((lab) => lab.lessonVizTrace(lessonId, world, kind))
      .then(
        (events) => live && setRun({ events }),
        (e: unknown) => live && setRun({ error: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [ready, visible, lessonId, world, kind, attempt]);
  const state = run === null ? 'loading' : 'error' in run ? 'error' : 'ready';
  return (
    <div ref={ref} className="viz-measure" data-testid="viz.lesson" data-viz={kind} data-state={state}>
      <p className="muted">
        Scenario: {SCENARIO[kind]}, in a fresh copy of the world "{world}" with real Python. Play it, step it,
        or scrub.
      </p>
      {run === null ? (
        <p className="muted" role="status">
          {ready ? 'Running the scenario…' : 'Waiting for Python to start…'}
        </p>
      ) : 'error' in run ? (
        <p className="inline-error" role="alert">
          The scenario could not run: {run.error}{' '}
          <button
            type="button"
            onClick={() => {
              setRun(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </p>
      ) : (
        <Drawing kind={kind} events={run.events} />
      )}
    </div>
  );
}

function Drawing({ kind, events }: { readonly kind: VizKind; readonly events: readonly TraceEvent[] }) {
  switch (kind) {
    case 'lifecycle':
      return <TimelineDrawing events={events} label="Environment lifecycle" viewportRows={4} />;
    case 'cold-start':
    case 'concurrency':
      return <TimelineDrawing events={events} label="Cold starts" viewportRows={6} />;
    case 'push-poll':
      return <PushPollDrawing events={events} empty={<p>The scenario sent nothing through a trigger.</p>} />;
    case 'event-flow':
    case 'api-flow':
      return <FlowDrawing events={events} />;
    default: {
      const never: never = kind;
      return never;
    }
  }
}
