/** The timeline of any trace with its playback and event table: the tab, lessons and the benchmark use it. */
import { type ReactNode, useMemo, useRef } from 'react';
import type { TraceEvent } from '../../sim';
import {
  activityStartMs,
  ColdStartTimeline,
  idleGaps,
  KeyMoments,
  toKeyMoments,
  toTimelineModel,
} from '../../viz';
import { useElementWidth } from './useElementWidth';
import { keyTimesOf, useVizPlayback } from './useVizPlayback';
import { EmptyState, VizFrame } from './VizFrame';

export interface TimelineDrawingProps {
  readonly events: readonly TraceEvent[];
  readonly label?: string;
  readonly viewportRows?: number;
  readonly empty?: ReactNode;
  readonly tools?: ReactNode;
}

export function TimelineDrawing({
  events,
  label = 'Cold-start timeline',
  viewportRows = 12,
  empty,
  tools,
}: TimelineDrawingProps) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  // Rebuilt only when the trace changed, never per frame.
  const model = useMemo(() => toTimelineModel(events), [events]);
  const keys = useMemo(() => keyTimesOf(events), [events]);
  const fromMs = useMemo(() => activityStartMs(events) ?? model.startMs, [events, model]);
  // One set of folded stretches: the drawing shows them as breaks and playing jumps over them.
  const gaps = useMemo(() => idleGaps(model, { fromMs, toMs: model.endMs }), [model, fromMs]);
  const { playback, state } = useVizPlayback(fromMs, model.endMs, keys, gaps);
  // The run in one strip under the drawing: cold, warm, idle, cold again.
  const moments = useMemo(() => toKeyMoments(events, model), [events, model]);
  return (
    <div ref={ref} className="viz-measure">
      {model.rows.length === 0 ? (
        <>
          {tools}
          <EmptyState name="timeline">
            {empty ?? <p>Run a Test: each execution environment gets a row here.</p>}
          </EmptyState>
        </>
      ) : (
        <VizFrame
          name="timeline"
          label={label}
          playback={playback}
          timeMs={state.timeMs}
          events={events}
          tools={tools}
          footer={<KeyMoments moments={moments} originMs={fromMs} title="Key moments of this run" />}
        >
          <ColdStartTimeline
            model={model}
            timeMs={state.timeMs}
            width={width}
            viewportRows={viewportRows}
            fromMs={fromMs}
            gaps={gaps}
            title={label}
          />
        </VizFrame>
      )}
    </div>
  );
}
