/**
 * Push against poll, projected from the trace: the push lane (sync and async invokes with their queue,
 * retries and back-off) and the poll lane (queue, batches, visibility, partial failures, DLQ, pollers).
 * Counts are step series and active items an interval index, so a frame is a few binary searches.
 */
import type { TraceLike } from '../trace/looseEvents';
import {
  candidatesAt,
  createIntervalIndex,
  type IntervalIndex,
  type StepSeries,
  stepAt,
  upperBound,
} from '../trace/search';
import { countAt, countSeries, type Phase, phaseAt } from './phases';
import {
  buildPollLane,
  type PollBatch,
  type PollLane,
  type PollMessage,
  type PollPhaseKind,
} from './pollLane';
import { buildPushItems, type PushItem, type PushPhaseKind } from './pushLane';

export type { PollBatch, PollMessage, PollPhaseKind, PushItem, PushPhaseKind };

export interface PushPollModel {
  readonly startMs: number;
  readonly endMs: number;
  readonly push: {
    readonly items: readonly PushItem[];
    readonly index: IntervalIndex;
    readonly counts: Record<PushPhaseKind, StepSeries>;
    readonly succeeded: StepSeries;
    readonly failed: StepSeries;
  };
  readonly poll: PollLane & {
    readonly index: IntervalIndex;
    readonly counts: Record<PollPhaseKind, StepSeries>;
    readonly deleted: StepSeries;
    readonly deadLettered: StepSeries;
  };
}

export interface LaneToken<K extends string> {
  readonly id: string;
  readonly phase: K;
  /** 0..1 through the current phase. */
  readonly progress: number;
  readonly round: number;
  readonly note: string | null;
}

export interface PushPollFrame {
  readonly t: number;
  readonly push: Record<PushPhaseKind, number> & {
    readonly succeeded: number;
    readonly failed: number;
    readonly tokens: readonly LaneToken<PushPhaseKind>[];
  };
  readonly poll: Record<PollPhaseKind, number> & {
    readonly deleted: number;
    readonly deadLettered: number;
    readonly pollers: number;
    readonly tokens: readonly LaneToken<PollPhaseKind>[];
    readonly lastBatch: PollBatch | null;
  };
}

export function toPushPollModel(
  events: readonly TraceLike[],
  options: { untilMs?: number } = {},
): PushPollModel {
  const first = events[0]?.t ?? 0;
  const last = events[events.length - 1]?.t ?? first;
  const endMs = Math.max(options.untilMs ?? last, last);
  const poll = buildPollLane(events, endMs);
  const items = buildPushItems(events, poll.requestIds, endMs).sort((a, b) => a.arrivedMs - b.arrivedMs);
  const messages = [...poll.messages].sort((a, b) => a.sentMs - b.sentMs);
  const pushFailed = items.filter((i) => i.outcome !== 'success' && i.outcome !== 'pending');
  return {
    startMs: first,
    endMs,
    push: {
      items,
      index: createIntervalIndex(
        items.map((i) => i.arrivedMs),
        items.map((i) => i.endMs),
      ),
      counts: countSeries<PushPhaseKind>(
        ['queued', 'running', 'backoff'],
        items.map((i) => i.phases),
      ),
      succeeded: countAt(items.filter((i) => i.outcome === 'success').map((i) => i.endMs)),
      failed: countAt(pushFailed.map((i) => i.endMs)),
    },
    poll: {
      ...poll,
      messages,
      index: createIntervalIndex(
        messages.map((m) => m.sentMs),
        messages.map((m) => m.endMs),
      ),
      counts: countSeries<PollPhaseKind>(
        ['visible', 'inflight'],
        messages.map((m) => m.phases),
      ),
      deleted: countAt(messages.filter((m) => m.outcome === 'deleted').map((m) => m.endMs)),
      deadLettered: countAt(messages.filter((m) => m.outcome === 'deadLettered').map((m) => m.endMs)),
    },
  };
}

function tokensAt<K extends string>(
  index: IntervalIndex,
  list: readonly { readonly phases: readonly Phase<K>[] }[],
  ids: (i: number) => string,
  t: number,
  max: number,
): LaneToken<K>[] {
  const [lo, hi] = candidatesAt(index, t);
  const out: LaneToken<K>[] = [];
  for (let i = lo; i < hi && out.length < max; i++) {
    const p = phaseAt(list[i]!.phases, t);
    if (!p) continue;
    const span = p.endMs - p.startMs;
    out.push({
      id: ids(i),
      phase: p.kind,
      progress: span > 0 ? (t - p.startMs) / span : 1,
      round: p.round,
      note: p.note,
    });
  }
  return out;
}

/** Counts and up to `maxTokens` moving tokens per lane at virtual time t. */
export function pushPollFrameAt(model: PushPollModel, t: number, maxTokens = 200): PushPollFrame {
  const { push, poll } = model;
  const bi = upperBound(poll.batchTimes, t) - 1;
  return {
    t,
    push: {
      queued: stepAt(push.counts.queued, t),
      running: stepAt(push.counts.running, t),
      backoff: stepAt(push.counts.backoff, t),
      succeeded: stepAt(push.succeeded, t),
      failed: stepAt(push.failed, t),
      tokens: tokensAt(push.index, push.items, (i) => push.items[i]!.requestId, t, maxTokens),
    },
    poll: {
      visible: stepAt(poll.counts.visible, t),
      inflight: stepAt(poll.counts.inflight, t),
      deleted: stepAt(poll.deleted, t),
      deadLettered: stepAt(poll.deadLettered, t),
      pollers: stepAt(poll.pollers, t),
      tokens: tokensAt(poll.index, poll.messages, (i) => poll.messages[i]!.messageId, t, maxTokens),
      lastBatch: bi >= 0 ? poll.batches[bi]! : null,
    },
  };
}
