/**
 * The push-against-poll tab: a scripted scenario whose knobs change live (Lambda's and SQS's settings,
 * plus how often the handler fails), or the learner's own world.
 */
import { type ReactNode, use, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { PushPollScenario } from '../../controller/scenarios/vizLabScenarios';
import type { TraceEvent } from '../../sim';
import { activityStartMs, type KnobName, type KnobValues, PushPollLanes, toPushPollModel } from '../../viz';
import { keyTimesOf, useVizPlayback } from './useVizPlayback';
import { EmptyState, VizFrame } from './VizFrame';
import { loadVizLab, useLearnerTrace } from './vizLabModule';

export interface PushPollDrawingProps {
  readonly events: readonly TraceEvent[];
  readonly knobs?: KnobValues;
  readonly onKnobChange?: (name: KnobName, value: number) => void;
  readonly tools?: ReactNode;
  readonly footer?: ReactNode;
  readonly empty?: ReactNode;
}

export function PushPollDrawing({ events, knobs, onKnobChange, tools, footer, empty }: PushPollDrawingProps) {
  const model = useMemo(() => toPushPollModel(events), [events]);
  const keys = useMemo(() => keyTimesOf(events), [events]);
  const fromMs = useMemo(() => activityStartMs(events) ?? model.startMs, [events, model]);
  const { playback, state } = useVizPlayback(fromMs, model.endMs, keys);
  if (model.push.items.length === 0 && model.poll.messages.length === 0)
    return (
      <>
        {tools}
        <EmptyState name="pushpoll">{empty}</EmptyState>
        {footer}
      </>
    );
  return (
    <VizFrame
      name="pushpoll"
      label="Push against poll"
      playback={playback}
      timeMs={state.timeMs}
      events={events}
      tools={tools}
      footer={footer}
    >
      <PushPollLanes
        model={model}
        timeMs={state.timeMs}
        {...(knobs ? { knobs } : {})}
        {...(onKnobChange ? { onKnobChange } : {})}
      />
    </VizFrame>
  );
}

type Source = 'scenario' | 'world';

const SCENARIO_FIELDS = [
  { key: 'failurePercent', label: 'Failure rate (% of attempts)', min: 0, max: 100 },
  { key: 'handlerMs', label: 'Handler time (ms)', min: 10, max: 60_000 },
  { key: 'events', label: 'Async events (push)', min: 0, max: 200 },
  { key: 'messages', label: 'Messages (poll)', min: 0, max: 500 },
] as const;

export default function PushPollView() {
  const lab = use(loadVizLab());
  const id = useId();
  const [source, setSource] = useState<Source>('scenario');
  const [scenario, setScenario] = useState<PushPollScenario>(lab.DEFAULT_PUSH_POLL);
  // Typing in a knob stays responsive: the world re-runs on the deferred value.
  const settled = useDeferredValue(scenario);
  const lastGood = useRef<readonly TraceEvent[]>([]);
  const run = useMemo(() => lab.runPushPollScenario(settled), [lab, settled]);
  if (run.error === null) lastGood.current = run.events;
  const learner = useLearnerTrace(lab);
  const setField = (key: (typeof SCENARIO_FIELDS)[number]['key'], raw: string, min: number, max: number) => {
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v)) return;
    setScenario((s) => ({ ...s, [key]: Math.min(max, Math.max(min, Math.round(v))) }));
  };
  const tools = (
    <div className="viz-source">
      <label htmlFor={`${id}-source`}>Trace</label>{' '}
      <select
        id={`${id}-source`}
        data-testid="viz.pushpoll.source"
        value={source}
        onChange={(e) => setSource(e.currentTarget.value as Source)}
      >
        <option value="scenario">Scenario with live knobs</option>
        <option value="world">Your world</option>
      </select>
      {source === 'scenario' ? (
        <span className="viz-modeled-tag">modeled: scripted handler outcomes and durations</span>
      ) : null}
    </div>
  );
  const footer = (
    <>
      {run.error ? (
        <p className="inline-error" role="alert" data-testid="viz.pushpoll.error">
          This setting was refused, so the picture shows the last one that ran: {run.error}
        </p>
      ) : null}
      <fieldset className="viz-knobs" data-testid="viz.pushpoll.scenario">
        <legend>Scenario</legend>
        {SCENARIO_FIELDS.map((f) => (
          <span key={f.key} className="viz-knob">
            <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
            <input
              id={`${id}-${f.key}`}
              data-testid={`viz.pushpoll.${f.key}`}
              type="number"
              min={f.min}
              max={f.max}
              value={scenario[f.key]}
              onChange={(e) => setField(f.key, e.currentTarget.value, f.min, f.max)}
            />
          </span>
        ))}
      </fieldset>
    </>
  );
  if (source === 'world')
    return (
      <PushPollDrawing
        events={learner}
        tools={tools}
        empty={
          <p>
            Your world has no push or poll traffic yet. Invoke your function with InvocationType Event (push,
            through the async queue), or add an SQS trigger and send a message (poll). The scenario shows
            both.
          </p>
        }
      />
    );
  return (
    <PushPollDrawing
      events={lastGood.current}
      knobs={scenario.knobs}
      onKnobChange={(name, value) => setScenario((s) => ({ ...s, knobs: { ...s.knobs, [name]: value } }))}
      tools={tools}
      footer={footer}
      empty={<p>The scenario sends nothing: raise the number of events or messages.</p>}
    />
  );
}
