/**
 * Push against poll, side by side at `timeMs`: the push lane (source, async queue with retries and
 * back-off, Lambda, outcomes) and the poll lane (queue, pollers, in-flight batches, deleted, DLQ).
 * Knobs are controlled: the container re-runs the sim with new values and passes the new model.
 */
import '../viz.css';
import { useId } from 'react';
import { unitHash } from '../../sim/hash.mjs';
import { formatDuration } from '../common/format';
import { TextAlternative } from '../common/TextAlternative';
import { clampKnob, KNOBS, type KnobName, type KnobValues } from './knobs';
import { type LaneToken, type PushPollFrame, type PushPollModel, pushPollFrameAt } from './toPushPollModel';

export interface PushPollLanesProps {
  readonly model: PushPollModel;
  readonly timeMs: number;
  /** Knobs to show, with their current values; omitted knobs are not shown. */
  readonly knobs?: KnobValues;
  readonly onKnobChange?: (name: KnobName, value: number) => void;
  readonly maxTokens?: number;
}

interface Zone {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly count: number;
  readonly modeled?: boolean;
}

const W = 380;
const H = 170;

function Lane(props: {
  readonly lane: 'push' | 'poll';
  readonly zones: readonly Zone[];
  readonly tokens: readonly LaneToken<string>[];
  readonly zoneOf: (phase: string) => string;
  readonly label: string;
}) {
  const byId = new Map(props.zones.map((z) => [z.id, z]));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      style={{ maxWidth: W }}
      role="img"
      aria-label={props.label}
      data-testid={`lanes.${props.lane}`}
    >
      {props.zones.map((z) => (
        <g key={z.id} data-testid={`lanes.${props.lane}.${z.id}`} data-count={z.count}>
          <rect
            x={z.x}
            y={z.y}
            width={z.w}
            height={z.h}
            fill="var(--panel)"
            stroke="var(--viz-line)"
            strokeDasharray={z.modeled ? '4 3' : undefined}
          />
          {/* "In flight · 5 pollers" on two lines, so a label fits its zone at projector sizes too. */}
          <text x={z.x + 4} y={z.y + 13}>
            {z.label.split(' · ').map((part, i) => (
              <tspan key={part} x={z.x + 4} dy={i === 0 ? 0 : '1.2em'}>
                {part}
              </tspan>
            ))}
          </text>
          <text x={z.x + 4} y={z.y + z.h - 5} className="muted">
            {z.count}
          </text>
        </g>
      ))}
      {props.tokens.map((t) => {
        const z = byId.get(props.zoneOf(t.phase));
        if (!z) return null;
        const x = z.x + 6 + t.progress * (z.w - 12);
        // A stable spread per token id, so tokens in one zone do not sit on each other.
        const y = z.y + 20 + unitHash(t.id) * (z.h - 34);
        const failedBefore = t.round > 1;
        return (
          <circle
            key={t.id}
            data-testid={`lanes.${props.lane}.token`}
            data-phase={t.phase}
            data-ref={t.id}
            cx={x}
            cy={y}
            r={3.5}
            fill={failedBefore ? 'var(--panel)' : 'var(--viz-line)'}
            stroke={failedBefore ? 'var(--viz-bad)' : 'none'}
            strokeWidth={1.5}
          />
        );
      })}
    </svg>
  );
}

function pushZones(f: PushPollFrame['push']): Zone[] {
  return [
    { id: 'queued', label: 'Async queue', x: 4, y: 4, w: 120, h: 78, count: f.queued, modeled: true },
    { id: 'backoff', label: 'Back-off', x: 4, y: 88, w: 120, h: 78, count: f.backoff },
    { id: 'running', label: 'Lambda', x: 130, y: 4, w: 120, h: 162, count: f.running },
    { id: 'succeeded', label: 'Succeeded', x: 256, y: 4, w: 120, h: 78, count: f.succeeded },
    { id: 'failed', label: 'Failed / DLQ', x: 256, y: 88, w: 120, h: 78, count: f.failed },
  ];
}

function pollZones(f: PushPollFrame['poll']): Zone[] {
  return [
    { id: 'visible', label: 'Queue (visible)', x: 4, y: 4, w: 120, h: 162, count: f.visible },
    {
      id: 'inflight',
      label: `In flight · ${f.pollers} pollers`,
      x: 130,
      y: 4,
      w: 120,
      h: 162,
      count: f.inflight,
      modeled: true,
    },
    { id: 'deleted', label: 'Deleted', x: 256, y: 4, w: 120, h: 78, count: f.deleted },
    { id: 'deadLettered', label: 'DLQ (redrive)', x: 256, y: 88, w: 120, h: 78, count: f.deadLettered },
  ];
}

export function PushPollLanes({ model, timeMs, knobs, onKnobChange, maxTokens = 200 }: PushPollLanesProps) {
  const id = useId();
  const f = pushPollFrameAt(model, timeMs, maxTokens);
  const b = f.poll.lastBatch;
  const at = formatDuration(timeMs - model.startMs);
  const pushText = `Push at ${at}: ${f.push.queued} queued, ${f.push.backoff} in back-off, ${f.push.running} running, ${f.push.succeeded} succeeded, ${f.push.failed} failed.`;
  const pollText =
    `Poll at ${at}: ${f.poll.visible} visible in the queue, ${f.poll.inflight} in flight (invisible), ` +
    `${f.poll.deleted} deleted, ${f.poll.deadLettered} sent to the DLQ, ${f.poll.pollers} pollers.` +
    (b
      ? ` Last batch: ${b.messageIds.length} messages${b.partial ? `, ${b.failedIds.length} failed (partial batch failure)` : ''}.`
      : '');
  const knobList = KNOBS.filter((k) => knobs?.[k.name] !== undefined);
  return (
    <figure className="viz" data-testid="lanes" data-time-ms={timeMs}>
      <figcaption>Push against poll</figcaption>
      <div className="viz-lanes">
        <section aria-label="Push">
          <h4>Push: a source invokes Lambda</h4>
          <Lane
            lane="push"
            zones={pushZones(f.push)}
            tokens={f.push.tokens}
            zoneOf={(p) => p}
            label={pushText}
          />
        </section>
        <section aria-label="Poll">
          <h4>Poll: pollers receive batches</h4>
          <Lane
            lane="poll"
            zones={pollZones(f.poll)}
            tokens={f.poll.tokens}
            zoneOf={(p) => p}
            label={pollText}
          />
          <p data-testid="lanes.poll.batch">
            {b
              ? `Last batch ${b.batchId}: ${b.messageIds.length} messages, ${b.invokeStatus ?? 'running'}${b.partial ? `, partial failure (${b.failedIds.length} returned)` : ''}`
              : 'No batch received yet.'}
          </p>
        </section>
      </div>
      <p className="muted">
        Open circles failed before (a retry or a second receive). Dashed boxes are internal parts the lab
        models.
        <span className="viz-modeled-tag">modeled</span>
      </p>
      {knobList.length > 0 ? (
        <fieldset className="viz-knobs" data-testid="lanes.knobs">
          <legend>Knobs</legend>
          {knobList.map((k) => (
            <KnobInput
              key={k.name}
              id={`${id}-${k.name}`}
              spec={k}
              value={knobs?.[k.name] ?? k.min}
              onChange={onKnobChange}
            />
          ))}
        </fieldset>
      ) : null}
      <TextAlternative label="counts table" testId="lanes.alternative">
        <p>{pushText}</p>
        <p>{pollText}</p>
      </TextAlternative>
    </figure>
  );
}

function KnobInput(props: {
  readonly id: string;
  readonly spec: (typeof KNOBS)[number];
  readonly value: number;
  readonly onChange: PushPollLanesProps['onKnobChange'];
}) {
  const { id, spec, value, onChange } = props;
  return (
    <>
      <label htmlFor={id}>
        {spec.label} <span className="muted">({spec.lane})</span>
      </label>
      <input
        id={id}
        data-testid={`lanes.knob.${spec.name}`}
        type="number"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={value}
        onChange={(e) => onChange?.(spec.name, clampKnob(spec.name, Number(e.currentTarget.value), value))}
      />
    </>
  );
}
