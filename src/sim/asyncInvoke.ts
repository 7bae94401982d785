/**
 * Asynchronous invocation (facts §5.1): an internal queue per event, retries on function error (1 min, then
 * 2 min), throttle retries with exponential backoff (1 s doubling to 5 min) up to the maximum event age,
 * then the on-failure destination and/or DLQ; on success the on-success destination.
 */
import { invocationRecordJson, type RecordCondition } from './destinations';
import type { EventInvokeConfig } from './functionTypes';
import * as L from './limits';
import { resolveQualified, startInvocation } from './routing';
import type { AsyncOutcome, DestinationTarget } from './trace';
import {
  type AsyncEvent,
  type AttemptResult,
  type DestinationDelivery,
  type FunctionRecord,
  functionArn,
  schedule,
  type WorldCtx,
} from './worldTypes';

export const DEFAULT_EVENT_INVOKE_CONFIG: EventInvokeConfig = {
  maximumRetryAttempts: L.ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT,
  maximumEventAgeInSeconds: L.ASYNC_MAX_EVENT_AGE_MAX_S,
  onSuccess: null,
  onFailure: null,
};

export function eventInvokeConfigFor(fn: FunctionRecord, qualifier: string | undefined): EventInvokeConfig {
  return fn.eventInvokeConfigs.get(qualifier ?? '') ?? DEFAULT_EVENT_INVOKE_CONFIG;
}

export function enqueueAsync(
  ctx: WorldCtx,
  functionName: string,
  qualifier: string | undefined,
  payloadJson: string,
): string {
  const requestId = ctx.rng.uuid();
  const event: AsyncEvent = {
    id: ctx.nextAsyncId++,
    requestId,
    functionName,
    qualifier,
    payloadJson,
    enqueuedAt: ctx.now,
    attempts: 0,
    throttleBackoffMs: L.THROTTLE_BACKOFF_START_MS,
    last: null,
    done: false,
  };
  ctx.trace.emit('lambda.invoke.accepted', ctx.now, {
    requestId,
    functionName,
    qualifier: qualifier ?? '$LATEST',
  });
  schedule(ctx, ctx.now + ctx.opts.asyncQueueDelayMs, { kind: 'asyncDispatch', event });
  return requestId;
}

function complete(ctx: WorldCtx, ev: AsyncEvent, outcome: AsyncOutcome): void {
  ev.done = true;
  ctx.trace.emit('lambda.async.completed', ctx.now, {
    requestId: ev.requestId,
    outcome,
    approximateInvokeCount: ev.attempts,
  });
}

export function onAsyncDispatch(ctx: WorldCtx, ev: AsyncEvent): void {
  const r = resolveQualified(ctx, ev.functionName, ev.qualifier, true);
  if ('name' in r) {
    complete(ctx, ev, 'dropped');
    return;
  }
  const cfg = eventInvokeConfigFor(r.fn, ev.qualifier);
  const expiresAt = ev.enqueuedAt + cfg.maximumEventAgeInSeconds * 1000;
  if (ctx.now >= expiresAt) {
    failEvent(ctx, ev, r.fn, 'EventAgeExceeded');
    return;
  }
  if (r.fn.reserved === 0) {
    // Reserved concurrency 0: events go straight to the failure targets without retries (facts §5.1).
    ev.last = {
      status: 'error',
      statusCode: 429,
      functionError: null,
      payloadJson: 'null',
      executedVersion: r.config.version,
    };
    failEvent(ctx, ev, r.fn, 'RetriesExhausted');
    return;
  }
  const reason = startInvocation(ctx, r, {
    requestId: ev.requestId,
    type: 'Event',
    payloadJson: ev.payloadJson,
    clientContextJson: undefined,
    qualifier: ev.qualifier,
    attempt: ev.attempts + 1,
    onDone: (result) => afterAttempt(ctx, ev, result),
  });
  if (reason === null) return;
  ctx.trace.emit('lambda.invoke.throttled', ctx.now, {
    requestId: ev.requestId,
    functionName: ev.functionName,
    invocationType: 'Event',
    reason,
  });
  const at = Math.min(ctx.now + ev.throttleBackoffMs, expiresAt);
  ev.throttleBackoffMs = Math.min(ev.throttleBackoffMs * 2, L.THROTTLE_BACKOFF_MAX_MS);
  if (ev.last === null) {
    ev.last = {
      status: 'error',
      statusCode: 429,
      functionError: null,
      payloadJson: 'null',
      executedVersion: r.config.version,
    };
  }
  ctx.trace.emit('lambda.async.retry.scheduled', ctx.now, {
    requestId: ev.requestId,
    cause: 'throttle',
    atMs: at,
    attempt: ev.attempts + 1,
  });
  schedule(ctx, at, { kind: 'asyncDispatch', event: ev });
}

function afterAttempt(ctx: WorldCtx, ev: AsyncEvent, result: AttemptResult): void {
  ev.attempts++;
  ev.last = result;
  const fn = ctx.functions.get(ev.functionName);
  if (!fn) {
    complete(ctx, ev, 'dropped');
    return;
  }
  if (result.status === 'success') {
    const cfg = eventInvokeConfigFor(fn, ev.qualifier);
    if (cfg.onSuccess) deliverRecord(ctx, ev, fn, 'Success', 'onSuccess', cfg.onSuccess);
    complete(ctx, ev, 'success');
    return;
  }
  const cfg = eventInvokeConfigFor(fn, ev.qualifier);
  if (ev.attempts <= cfg.maximumRetryAttempts) {
    const delay = L.ASYNC_RETRY_DELAYS_MS[ev.attempts - 1] ?? L.ASYNC_RETRY_DELAYS_MS[1];
    const at = Math.min(ctx.now + delay, ev.enqueuedAt + cfg.maximumEventAgeInSeconds * 1000);
    ctx.trace.emit('lambda.async.retry.scheduled', ctx.now, {
      requestId: ev.requestId,
      cause: 'functionError',
      atMs: at,
      attempt: ev.attempts + 1,
    });
    schedule(ctx, at, { kind: 'asyncDispatch', event: ev });
    return;
  }
  failEvent(ctx, ev, fn, 'RetriesExhausted');
}

function failEvent(ctx: WorldCtx, ev: AsyncEvent, fn: FunctionRecord, condition: RecordCondition): void {
  const cfg = eventInvokeConfigFor(fn, ev.qualifier);
  if (cfg.onFailure) deliverRecord(ctx, ev, fn, condition, 'onFailure', cfg.onFailure);
  const version = ev.last?.executedVersion ?? '$LATEST';
  const dlq = (version === '$LATEST' ? fn.latest : fn.versions.get(version))?.deadLetterTargetArn;
  if (dlq) {
    const last = ev.last;
    deliver(ctx, {
      requestId: ev.requestId,
      target: 'deadLetterQueue',
      destinationArn: dlq,
      bodyJson: ev.payloadJson,
      attributes: {
        RequestID: ev.requestId,
        ErrorCode: String(last?.statusCode ?? 200),
        ErrorMessage: (last?.payloadJson ?? '').slice(0, 1024),
      },
    });
  }
  complete(ctx, ev, condition === 'EventAgeExceeded' ? 'eventAgeExceeded' : 'retriesExhausted');
}

function deliverRecord(
  ctx: WorldCtx,
  ev: AsyncEvent,
  fn: FunctionRecord,
  condition: RecordCondition,
  target: DestinationTarget,
  destinationArn: string,
): void {
  const last = ev.last;
  const executedVersion = last?.executedVersion ?? '$LATEST';
  const bodyJson = invocationRecordJson({
    timestampMs: ctx.now,
    requestId: ev.requestId,
    functionArn: functionArn(ctx, fn.name, ev.qualifier ?? '$LATEST'),
    condition,
    approximateInvokeCount: ev.attempts,
    requestPayloadJson: ev.payloadJson,
    statusCode: last?.statusCode ?? 200,
    executedVersion: last && last.statusCode === 200 ? executedVersion : null,
    functionError: last?.functionError ?? null,
    responsePayloadJson: last && last.statusCode === 200 ? last.payloadJson : null,
  });
  deliver(ctx, { requestId: ev.requestId, target, destinationArn, bodyJson, attributes: {} });
}

const LAMBDA_ARN =
  /^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/;

/** Trace the delivery, hand it to a service sink that owns the ARN, or invoke a Lambda destination. */
export function deliver(ctx: WorldCtx, d: DestinationDelivery): void {
  ctx.trace.emit('lambda.destination.delivered', ctx.now, {
    requestId: d.requestId,
    target: d.target,
    destinationArn: d.destinationArn,
    bodyJson: d.bodyJson,
  });
  for (const sink of ctx.sinks) {
    if (sink.accepts(d.destinationArn)) {
      sink.deliver(d);
      return;
    }
  }
  const m = LAMBDA_ARN.exec(d.destinationArn);
  if (m?.[1] && ctx.functions.has(m[1])) enqueueAsync(ctx, m[1], m[2], d.bodyJson);
}
