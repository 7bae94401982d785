/** The poll lane: messages waiting in a queue, received in batches by pollers, deleted, returned or redriven. */
import { asKnown, num, type TraceLike } from '../trace/looseEvents';
import { createStepSeries, type StepSeries } from '../trace/search';
import { createServiceEventReader, type ServiceEvent } from '../trace/serviceEvents';
import { closePhase, finishPhases, openPhase, type Phase, type PhaseBuilder } from './phases';

export type PollPhaseKind = 'visible' | 'inflight';
export type PollOutcome = 'deleted' | 'deadLettered' | 'expired' | 'pending';

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
  /** When the invoke the batch became ended, and the mapping's outcome (success, partialFailure, ...). */
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

/** Initial concurrent batches of an SQS mapping (facts §5.2), until esm.scaling.changed says otherwise. */
export const SQS_START_POLLERS = 5;

export function buildPollLane(events: readonly TraceLike[], endMs: number): PollLane {
  const read = createServiceEventReader();
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
        phases: [],
        current: null,
      };
      messages.set(id, m);
    }
    return m;
  };
  const end = (ids: readonly string[], s: ServiceEvent, outcome: Exclude<PollOutcome, 'pending'>): void => {
    for (const id of ids) {
      const m = message(id, s.resource, s.event.t);
      closePhase(m, s.event.t);
      m.endMs = s.event.t;
      m.outcome = outcome;
    }
  };
  for (const e of events) {
    const known = asKnown(e);
    if (known.name === 'lambda.invoke.end') {
      const b = byRequest.get(known.requestId);
      if (b) b.invokeEndMs = known.t;
      continue;
    }
    const s = read(e);
    if (!s) continue;
    // Stream mappings poll too, but their invokes are not push: keep them out of the push lane.
    if (s.action === 'streamBatchReceived' && s.requestId) requestIds.add(s.requestId);
    if (s.service !== 'sqs') continue;
    if (s.action !== 'esmCreated') queues.add(s.resource);
    switch (s.action) {
      case 'esmCreated':
        // esm.created does not carry the starting concurrency: SQS mappings start at 5 (facts §5.2).
        pollerChanges.push([e.t, SQS_START_POLLERS]);
        break;
      case 'sent':
        for (const id of s.messageIds) openPhase(message(id, s.resource, e.t), 'visible', e.t, 0);
        break;
      case 'received':
        for (const id of s.messageIds) {
          const m = message(id, s.resource, e.t);
          m.receives = num(e, 'receiveCount') ?? m.receives + 1;
          openPhase(m, 'inflight', e.t, m.receives);
        }
        break;
      case 'batchReceived': {
        const batch: BatchBuilder = {
          batchId: s.requestId ?? `batch-${batches.length + 1}`,
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
        break;
      }
      case 'batchResult': {
        const b = s.requestId ? byRequest.get(s.requestId) : undefined;
        if (!b) break;
        b.invokeStatus = s.outcome;
        const failed = new Set(s.failedIds);
        b.failedIds.push(...s.failedIds);
        b.deletedIds.push(...b.messageIds.filter((id) => !failed.has(id)));
        break;
      }
      case 'visible':
        for (const id of s.messageIds) {
          const m = message(id, s.resource, e.t);
          openPhase(m, 'visible', e.t, m.receives);
        }
        break;
      case 'deleted':
        end(s.messageIds, s, 'deleted');
        break;
      case 'deadLettered':
        end(s.messageIds, s, 'deadLettered');
        break;
      case 'expired':
        end(s.messageIds, s, 'expired');
        break;
      case 'pollersScaled':
        pollerChanges.push([e.t, s.count ?? 0]);
        break;
      default:
        break;
    }
  }
  const built = batches.map((b) => ({
    ...b,
    partial: b.invokeStatus === 'partialFailure' || (b.failedIds.length > 0 && b.deletedIds.length > 0),
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
