/** The cold-start timeline tab: one row per execution environment of the chosen trace, played back. */
import { use, useMemo, useRef } from 'react';
import type { TraceEvent } from '../../sim';
import { activityStartMs, ColdStartTimeline, toTimelineModel } from '../../viz';
import { SourcePicker, type SourceProps, useSourceTrace } from './traceSource';
import { useElementWidth } from './useElementWidth';
import { keyTimesOf, useVizPlayback } from './useVizPlayback';
import { EmptyState, VizFrame } from './VizFrame';
import { loadVizLab } from './vizLabModule';

export interface TimelineDrawingProps {
  readonly events: readonly TraceEvent[];
  readonly label?: string;
  readonly viewportRows?: number;
  readonly empty?: React.ReactNode;
  readonly tools?: React.ReactNode;
}

/** The timeline of any trace with its playback and event table (the tab, lessons and the benchmark). */
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
  const { playback, state } = useVizPlayback(fromMs, model.endMs, keys);
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
        >
          <ColdStartTimeline
            model={model}
            timeMs={state.timeMs}
            width={width}
            viewportRows={viewportRows}
            fromMs={fromMs}
            title={label}
          />
        </VizFrame>
      )}
    </div>
  );
}

export default function TimelineView(props: SourceProps) {
  const lab = use(loadVizLab());
  const events = useSourceTrace(lab, props.source);
  return (
    <TimelineDrawing
      events={events}
      tools={<SourcePicker {...props} />}
      empty={
        <p>
          Run a Test: each execution environment gets a row here, with Init (modeled platform parts and your
          module's measured code), its invocations and idle time. Or pick the demo trace above.
        </p>
      }
    />
  );
}
