/** The event-flow tab: the world's resources laid out, each request or message a token on its edge. */
import { type ReactNode, use, useCallback, useMemo } from 'react';
import type { TraceEvent } from '../../sim';
import { activityStartMs, FlowDiagram, type FlowToken, inspectToken, toFlowModel } from '../../viz';
import { SourcePicker, type SourceProps, useSourceTrace } from './traceSource';
import { keyTimesOf, useVizPlayback } from './useVizPlayback';
import { EmptyState, VizFrame } from './VizFrame';
import { loadVizLab } from './vizLabModule';

/** About 0.4 s of wall time per hop at any speed, so instant hops stay visible. */
const TRAVEL_WALL_MS = 400;

export interface FlowDrawingProps {
  readonly events: readonly TraceEvent[];
  readonly label?: string;
  readonly empty?: ReactNode;
  readonly tools?: ReactNode;
}

export function FlowDrawing({ events, label = 'Event flow', empty, tools }: FlowDrawingProps) {
  const model = useMemo(() => toFlowModel(events), [events]);
  const keys = useMemo(() => keyTimesOf(events), [events]);
  const fromMs = useMemo(() => activityStartMs(events) ?? model.startMs, [events, model]);
  const { playback, state } = useVizPlayback(fromMs, model.endMs, keys);
  const inspect = useCallback((token: FlowToken) => inspectToken(events, token), [events]);
  if (model.tokens.length === 0)
    return (
      <>
        {tools}
        <EmptyState name="flow">
          {empty ?? <p>Nothing has travelled yet: run a Test, or send an event through a trigger.</p>}
        </EmptyState>
      </>
    );
  return (
    <VizFrame
      name="flow"
      label={label}
      playback={playback}
      timeMs={state.timeMs}
      events={events}
      tools={tools}
    >
      <div className="viz-flow-scroll">
        <FlowDiagram
          model={model}
          timeMs={state.timeMs}
          minTravelMs={TRAVEL_WALL_MS * state.speed}
          inspect={inspect}
          title={label}
        />
      </div>
    </VizFrame>
  );
}

export default function FlowView(props: SourceProps) {
  const lab = use(loadVizLab());
  const events = useSourceTrace(lab, props.source);
  return (
    <FlowDrawing
      events={events}
      tools={<SourcePicker {...props} />}
      empty={
        <p>
          Nothing has travelled yet. Run a Test to send a request from the console to your function, or add a
          trigger (an S3 notification, an SQS event source) and send something through it: each request or
          message becomes a token on its way. Or pick the demo trace above.
        </p>
      }
    />
  );
}
