/**
 * A synchronous Invoke made by a running handler (Lambda-to-Lambda chaining). The caller is parked at its
 * own virtual time: the callee starts then, the world moves on while the caller waits (still billed), and
 * the caller resumes when the callee's response is known, or times out at its own deadline first.
 */
import type { Hub, SyncOutcome } from './hub';
import { base64Encode, blob, type JsonObject, utf8Encode } from './json';
import type { AwsError } from './kernel';
import type { CallContext, PendingResult } from './operation';
import { type ServiceError, serviceError } from './serviceError';

export interface ChainTarget {
  readonly name: string;
  readonly qualifier: string | undefined;
  readonly payload: string;
}

type Answer =
  | { readonly kind: 'outcome'; readonly outcome: SyncOutcome; readonly atMs: number }
  | { readonly kind: 'callerTimedOut'; readonly atMs: number };

export function responseJson(o: SyncOutcome, toError: (e: AwsError) => ServiceError): JsonObject {
  if (o.kind === 'refused') throw toError(o.error);
  const r = o.response;
  const out: JsonObject = {
    StatusCode: r.statusCode,
    ExecutedVersion: r.executedVersion,
    Payload: blob(base64Encode(utf8Encode(r.payloadJson))),
  };
  if (r.functionError) out.FunctionError = r.functionError;
  return out;
}

/** Parks the calling handler and invokes at its virtual time; null when the caller is not a running handler. */
export function chainedInvoke(
  hub: Hub,
  target: ChainTarget,
  c: CallContext,
  toError: (e: AwsError) => ServiceError,
): PendingResult | null {
  const requestId = c.caller?.requestId;
  if (!requestId) return null;
  let answer: Answer | null = null;
  const handle = hub.ctx.park(requestId, () => {
    if (answer !== null || !handle?.release()) return;
    answer = { kind: 'callerTimedOut', atMs: hub.now() };
  });
  if (!handle) return null;
  hub.ctx.schedule(c.nowMs, 'lambda.invoke.chained', () => {
    const params = { functionName: target.name, qualifier: target.qualifier, payloadJson: target.payload };
    hub.invokeSync(params, c.depth + 1, (outcome) => {
      // The callee may answer after the caller already timed out: Lambda lets it finish on its own.
      if (answer !== null || !handle.release()) return;
      answer = { kind: 'outcome', outcome, atMs: hub.now() };
    });
  });
  return {
    pending: true,
    atMs: () => answer?.atMs ?? null,
    poll: () => {
      const a = answer as Answer | null;
      if (a === null) return null;
      if (a.kind === 'callerTimedOut')
        throw serviceError('LabCallerTimedOut', 'The calling function timed out while it waited.', 408);
      return responseJson(a.outcome, toError);
    },
  };
}
