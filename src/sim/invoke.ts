/** The Invoke API: validation, routing to a warm, provisioned or new environment, and throttling. */
import { enqueueAsync } from './asyncInvoke';
import { fail, type Result, throttled } from './awsErrors';
import { invocationTypeError, payloadError } from './invokeInput';
import { resolveQualified, startInvocation } from './routing';
import { refuseUnlessRestorable } from './snapStart';
import type { InvocationType } from './trace';
import type { WorldCtx } from './worldTypes';

export interface InvokeParams {
  readonly functionName: string;
  readonly qualifier?: string;
  readonly invocationType?: InvocationType;
  readonly payloadJson?: string;
  readonly clientContextJson?: string;
}

export interface InvokeAccepted {
  readonly requestId: string;
  /** 200 for RequestResponse (the response arrives later), 202 for Event, 204 for DryRun. */
  readonly statusCode: 200 | 202 | 204;
  readonly executedVersion: string | null;
}

export function invoke(ctx: WorldCtx, p: InvokeParams): Result<InvokeAccepted> {
  const type = p.invocationType ?? 'RequestResponse';
  const badType = invocationTypeError(type);
  if (badType) return { ok: false, error: badType };
  const resolved = resolveQualified(ctx, p.functionName, p.qualifier, type === 'RequestResponse');
  if ('name' in resolved) return { ok: false, error: resolved };
  const notReady = refuseUnlessRestorable(resolved.fn, resolved.config);
  if (notReady) return notReady;
  const payloadJson = p.payloadJson ?? '{}';
  const badPayload = payloadError(type, payloadJson);
  if (badPayload) return { ok: false, error: badPayload };
  if (p.clientContextJson !== undefined && type !== 'RequestResponse') {
    return fail(
      'InvalidParameterValueException',
      'ClientContext is only passed to synchronous (RequestResponse) invocations.',
    );
  }
  const version = resolved.config.version;
  if (type === 'DryRun')
    return {
      ok: true,
      value: { requestId: ctx.rng.uuid(), statusCode: 204, executedVersion: null },
      effects: [],
    };
  if (type === 'Event') {
    const requestId = enqueueAsync(ctx, resolved.fn.name, resolved.qualifier, payloadJson);
    return { ok: true, value: { requestId, statusCode: 202, executedVersion: null }, effects: [] };
  }
  const requestId = ctx.rng.uuid();
  const reason = startInvocation(ctx, resolved, {
    requestId,
    type: 'RequestResponse',
    payloadJson,
    clientContextJson: p.clientContextJson,
    qualifier: resolved.qualifier,
    attempt: 1,
    onDone: null,
  });
  if (reason) {
    ctx.trace.emit('lambda.invoke.throttled', ctx.now, {
      requestId,
      functionName: resolved.fn.name,
      invocationType: 'RequestResponse',
      reason,
    });
    return throttled(reason);
  }
  rememberPending(ctx, requestId);
  return { ok: true, value: { requestId, statusCode: 200, executedVersion: version }, effects: [] };
}

/** Sync responses are kept for lookup; the oldest are forgotten beyond `retainInvocations`. */
function rememberPending(ctx: WorldCtx, requestId: string): void {
  ctx.responses.set(requestId, null);
  if (ctx.responses.size > ctx.opts.retainInvocations) {
    const oldest = ctx.responses.keys().next();
    if (!oldest.done) ctx.responses.delete(oldest.value);
  }
}
