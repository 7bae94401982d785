/** The poll lane: messages waiting in a queue, received in batches by pollers, deleted, returned or redriven. */
import { asKnown, num, type TraceLike } from '../trace/looseEvents';
import { createStepSeries, type StepSeries } from '../trace/search';
import { readServiceEvent } from '../trace/serviceEvents';
import { closePhase, finishPhases, openPhase, type Phase, type PhaseBuilder } from './phases';

export type PollPhaseKind = 'visible' | 'inflight';
export type PollOutcome = 'deleted' | 'deadLettered' | 'pending';

export interface PollMessage {
  readonly messageId: string;
  readonly queue: string;
  readonly sentMs: number;
  readonly endMs: number;
  readonly phases: readonly Phase<PollPhaseKind>[];
  readonly outcome: PollOutcome;
  readonly receives: number;
}

export interface PollBatch {
  readonly batchId: string;
  readonly queue: string;
  readonly t: number;
  readonly messageIds: readonly string[];
  readonly requestId: string | null;
  /** From the Lambda invoke the batch became; null while running or when not linked. */
  readonly invokeEndMs: number | null;
  readonly invokeStatus: string | null;
  readonly deletedIds: readonly string[];
  readonly failedIds: readonly string[];
  readonly partial: boolean;
}

export interface PollLane {
  readonly queues: readonly string[];
  readonly messages: readonly PollMessage[];
  readonly batches: readonly PollBatch[];
  readonly batchTimes: Float64Array;
  readonly pollers: StepSeries;
  /** Request ids of invokes made by pollers (the push lane leaves them out). */
  readonly requestIds: ReadonlySet<string>;
}

interface MessageBuilder extends PhaseBuilder<PollPhaseKind> {
  readonly messageId: string;
  readonly queue: string;
  readonly sentMs: number;
  endMs: number | null;
  outcome: PollOutcome;
  receives: number;
  batch: BatchBuilder | null;
}

interface BatchBuilder {
  readonly batchId: string;
  readonly queue: string;
  readonly t: number;
  readonly messageIds: readonly string[];
  readonly requestId: string | null;
  invokeEndMs: number | null;
  invokeStatus: string | null;
  readonly deletedIds: string[];
  readonly failedIds: string[];
}

export function buildPollLane(events: readonly TraceLike[], endMs: number): PollLane {
  const messages = new Map<string, MessageBuilder>();
  const batches: BatchBuilder[] = [];
  const byRequest = new Map<string, BatchBuilder>();
  const queues = new Set<string>();
  const pollerChanges: [number, number][] = [];
  const requestIds = new Set<string>();
  const message = (id: string, queue: string, t: number): MessageBuilder => {
    let m = messages.get(id);
    if (!m) {
      m = {
        messageId: id,
        queue,
        sentMs: t,
        endMs: null,
        outcome: 'pending',
        receives: 0,
        batch: null,
        phases: [],
        current: null,
      };
      messages.set(id, m);
    }
    return m;
  };
  const leaveBatch = (m: MessageBuilder, failed: boolean): void => {
    if (m.batch) (failed ? m.batch.failedIds : m.batch.deletedIds).push(m.messageId);
    m.batch = null;
  };
  for (const e of events) {
    const known = asKnown(e);
    if (known.name === 'lambda.invoke.end') {
      const b = byRequest.get(known.requestId);
      if (b) {
        b.invokeEndMs = known.t;
        b.invokeStatus = known.status;
      }
      continue;
    }
    const s = readServiceEvent(e);
    if (!s || (!e.name.startsWith('sqs.') && s.action !== 'pollersScaled')) continue;
    queues.add(s.resource);
    switch (s.action) {
      case 'sent':
        for (const id of s.messageIds) openPhase(message(id, s.resource, e.t), 'visible', e.t, 0);
        break;
      case 'received': {
        const batch: BatchBuilder = {
          batchId: s.batchId ?? `batch-${batches.length + 1}`,
          queue: s.resource,
          t: e.t,
          messageIds: s.messageIds,
          requestId: s.requestId,
          invokeEndMs: null,
          invokeStatus: null,
          deletedIds: [],
          failedIds: [],
        };
        batches.push(batch);
        if (s.requestId) {
          byRequest.set(s.requestId, batch);
          requestIds.add(s.requestId);
        }
        for (const id of s.messageIds) {
          const m = message(id, s.resource, e.t);
          m.receives++;
          m.batch = batch;
          openPhase(m, 'inflight', e.t, m.receives, batch.batchId);
        }
        break;
      }
      case 'visible':
        for (const id of s.messageIds) {
          const m = message(id, s.resource, e.t);
          leaveBatch(m, true);
          openPhase(m, 'visible', e.t, m.receives);
        }
        break;
      case 'deleted':
      case 'deadLettered':
        for (const id of s.messageIds) {
          const m = message(id, s.resource, e.t);
          leaveBatch(m, s.action === 'deadLettered');
          closePhase(m, e.t);
          m.endMs = e.t;
          m.outcome = s.action;
        }
        break;
      case 'pollersScaled':
        pollerChanges.push([e.t, num(e, 'pollers', 'count', 'concurrency') ?? 0]);
        break;
      default:
        break;
    }
  }
  const built = batches.map((b) => ({
    ...b,
    partial: b.failedIds.length > 0 && b.deletedIds.length > 0,
  }));
  return {
    queues: [...queues],
    messages: [...messages.values()].map((m) => ({
      messageId: m.messageId,
      queue: m.queue,
      sentMs: m.sentMs,
      endMs: m.endMs ?? endMs,
      phases: finishPhases(m, m.endMs ?? endMs),
      outcome: m.outcome,
      receives: m.receives,
    })),
    batches: built,
    batchTimes: Float64Array.from(built, (b) => b.t),
    pollers: createStepSeries(pollerChanges),
    requestIds,
  };
}
