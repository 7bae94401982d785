/** The push lane: requests a source sends to Lambda, synchronously or through the async queue with retries. */
import type { DestinationTarget } from '../../sim';
import { asKnown, type TraceLike } from '../trace/looseEvents';
import { closePhase, finishPhases, openPhase, type Phase, type PhaseBuilder } from './phases';

export type PushPhaseKind = 'queued' | 'running' | 'backoff';
export type PushOutcome =
  | 'success'
  | 'error'
  | 'throttled'
  | 'retriesExhausted'
  | 'eventAgeExceeded'
  | 'dropped'
  | 'pending';

export interface PushItem {
  readonly requestId: string;
  readonly functionName: string;
  readonly mode: 'sync' | 'async';
  readonly arrivedMs: number;
  /** When the outcome was known, or the trace end while pending. */
  readonly endMs: number;
  readonly phases: readonly Phase<PushPhaseKind>[];
  readonly outcome: PushOutcome;
  readonly attempts: number;
  readonly deliveredTo: readonly DestinationTarget[];
}

interface Builder extends PhaseBuilder<PushPhaseKind> {
  readonly requestId: string;
  readonly functionName: string;
  readonly mode: 'sync' | 'async';
  readonly arrivedMs: number;
  endMs: number | null;
  outcome: PushOutcome;
  attempts: number;
  readonly deliveredTo: DestinationTarget[];
}

/** `excluded`: request ids a poller made (they belong to the poll lane). */
export function buildPushItems(
  events: readonly TraceLike[],
  excluded: ReadonlySet<string>,
  endMs: number,
): PushItem[] {
  const items = new Map<string, Builder>();
  const envCreated = new Map<string, number>();
  const make = (requestId: string, functionName: string, mode: 'sync' | 'async', t: number): Builder => {
    const b: Builder = {
      requestId,
      functionName,
      mode,
      arrivedMs: t,
      endMs: null,
      outcome: 'pending',
      attempts: 0,
      deliveredTo: [],
      phases: [],
      current: null,
    };
    items.set(requestId, b);
    return b;
  };
  for (const loose of events) {
    const e = asKnown(loose);
    switch (e.name) {
      case 'lambda.env.created':
        envCreated.set(e.envId, e.t);
        break;
      case 'lambda.invoke.accepted':
        if (!excluded.has(e.requestId))
          openPhase(make(e.requestId, e.functionName, 'async', e.t), 'queued', e.t, 1);
        break;
      case 'lambda.invoke.start': {
        if (excluded.has(e.requestId)) break;
        // A cold request started working when its environment was created, before invoke.start.
        const dispatched = e.cold ? (envCreated.get(e.envId) ?? e.t) : e.t;
        const b = items.get(e.requestId) ?? make(e.requestId, e.functionName, 'sync', dispatched);
        b.attempts = e.attempt;
        openPhase(b, 'running', Math.max(dispatched, b.current?.startMs ?? dispatched), e.attempt);
        break;
      }
      case 'lambda.invoke.end': {
        const b = items.get(e.requestId);
        if (!b) break;
        closePhase(b, e.t);
        if (b.mode === 'sync') {
          b.outcome = e.status === 'success' ? 'success' : 'error';
          b.endMs = e.t;
        }
        break;
      }
      case 'lambda.invoke.throttled': {
        if (excluded.has(e.requestId)) break;
        const b = items.get(e.requestId) ?? make(e.requestId, e.functionName, 'sync', e.t);
        if (b.mode === 'sync') {
          b.outcome = 'throttled';
          b.endMs = e.t;
        }
        break;
      }
      case 'lambda.async.retry.scheduled': {
        const b = items.get(e.requestId);
        if (!b) break;
        openPhase(b, 'backoff', e.t, e.attempt - 1, e.cause);
        // The back-off ends at its scheduled time; the event waits in the queue for a dispatch after that.
        openPhase(b, 'queued', Math.max(e.t, e.atMs), e.attempt);
        break;
      }
      case 'lambda.async.completed': {
        const b = items.get(e.requestId);
        if (!b) break;
        closePhase(b, e.t);
        b.endMs = e.t;
        b.outcome = e.outcome === 'success' ? 'success' : e.outcome;
        break;
      }
      case 'lambda.destination.delivered':
        items.get(e.requestId)?.deliveredTo.push(e.target);
        break;
      default:
        break;
    }
  }
  return [...items.values()].map((b) => ({
    requestId: b.requestId,
    functionName: b.functionName,
    mode: b.mode,
    arrivedMs: b.arrivedMs,
    endMs: b.endMs ?? endMs,
    phases: finishPhases(b, b.endMs ?? endMs),
    outcome: b.outcome,
    attempts: b.attempts,
    deliveredTo: b.deliveredTo,
  }));
}
