/**
 * What the inspector shows for a clicked token: the trace event behind it (and the event body where the
 * trace carries one), the invocation it belongs to, and that invocation's log lines. Runs on click, so a
 * linear pass over the trace is fine.
 */
import { asKnown, payloadJson, str, type TraceLike } from '../trace/looseEvents';
import type { FlowToken } from './toFlowModel';

export interface InvocationSummary {
  readonly requestId: string;
  readonly functionName: string;
  readonly envId: string;
  readonly cold: boolean;
  readonly attempts: number;
  readonly status: string | null;
  readonly durationMs: number | null;
  readonly billedDurationMs: number | null;
  readonly initDurationMs: number | null;
  readonly errorType: string | null;
}

export interface TokenDetails {
  readonly eventName: string;
  readonly t: number;
  readonly eventJson: string;
  /** The event body, when the trace carries it (payloadJson, bodyJson or body); null otherwise. */
  readonly bodyJson: string | null;
  readonly invocations: readonly InvocationSummary[];
  readonly logLines: readonly string[];
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export function inspectToken(events: readonly TraceLike[], token: FlowToken): TokenDetails | null {
  const origin =
    events[token.seq]?.seq === token.seq ? events[token.seq] : events.find((e) => e.seq === token.seq);
  if (!origin) return null;
  const body = str(origin, 'payloadJson', 'bodyJson', 'body');
  const invocations = new Map<string, InvocationSummary>();
  const streamOf = new Map<string, string>();
  const windows: { stream: string; from: number; to: number }[] = [];
  const requestIds = new Set<string>([token.ref]);
  // A batch or message token leads to the invoke its service event names.
  const linked = str(origin, 'requestId');
  if (linked) requestIds.add(linked);
  const createdAt = new Map<string, number>();
  for (const loose of events) {
    const e = asKnown(loose);
    if (e.name === 'lambda.env.created') {
      streamOf.set(e.envId, e.logStreamName);
      createdAt.set(e.envId, e.t);
    } else if (e.name === 'lambda.invoke.start' && requestIds.has(e.requestId)) {
      invocations.set(`${e.requestId}:${e.attempt}`, {
        requestId: e.requestId,
        functionName: e.functionName,
        envId: e.envId,
        cold: e.cold,
        attempts: e.attempt,
        status: null,
        durationMs: null,
        billedDurationMs: null,
        initDurationMs: null,
        errorType: null,
      });
      windows.push({
        stream: streamOf.get(e.envId) ?? '',
        from: e.cold ? (createdAt.get(e.envId) ?? e.t) : e.t,
        to: Number.POSITIVE_INFINITY,
      });
    } else if (e.name === 'lambda.invoke.end' && requestIds.has(e.requestId)) {
      const key = [...invocations.keys()].reverse().find((k) => k.startsWith(`${e.requestId}:`));
      const inv = key ? invocations.get(key) : undefined;
      if (key && inv) {
        invocations.set(key, {
          ...inv,
          status: e.status,
          durationMs: e.durationMs,
          billedDurationMs: e.billedDurationMs,
          initDurationMs: e.initDurationMs,
          errorType: e.errorType,
        });
        const w = windows.find(
          (x) => x.stream === streamOf.get(e.envId) && x.to === Number.POSITIVE_INFINITY,
        );
        if (w) w.to = e.t;
      }
    }
  }
  const logLines: string[] = [];
  for (const loose of events) {
    const e = asKnown(loose);
    if (e.name !== 'logs.event') continue;
    if (windows.some((w) => w.stream === e.logStreamName && e.timestamp >= w.from && e.timestamp <= w.to)) {
      logLines.push(e.message);
    }
  }
  return {
    eventName: origin.name,
    t: origin.t,
    eventJson: payloadJson(origin),
    bodyJson: body === null ? null : pretty(body),
    invocations: [...invocations.values()],
    logLines,
  };
}
