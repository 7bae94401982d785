/** The event flow of any trace with its playback and event table: the tab, lessons and the benchmark use it. */
import { type ReactNode, useCallback, useMemo } from 'react';
import type { TraceEvent } from '../../sim';
import {
  activityStartMs,
  FlowDiagram,
  type FlowToken,
  inspectToken,
  KeyMoments,
  toFlowModel,
  toKeyMoments,
} from '../../viz';
import { keyTimesOf, useVizPlayback } from './useVizPlayback';
import { EmptyState, VizFrame } from './VizFrame';

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
  // What the requests met, in one strip: a 504 beside the later 200, cold beside warm.
  const moments = useMemo(() => toKeyMoments(events), [events]);
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
      footer={<KeyMoments moments={moments} originMs={fromMs} title="Key moments of this run" />}
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
