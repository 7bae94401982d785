/** PutFunctionConcurrency, provisioned concurrency configs and PutFunctionEventInvokeConfig. */
import { fail, invalidParameter, type Result, validationError } from './awsErrors';
import { pcAllocatedGbMs } from './billing';
import { changePcAllocated, setReserved, unreservedCapacity } from './concurrency';
import { createEnv } from './envCreate';
import { retireWhere } from './envPool';
import type { EventInvokeConfig, EventInvokeConfigInput } from './functionTypes';
import { beginInit } from './lifecycle';
import * as L from './limits';
import { getRecord } from './records';
import { resolveQualified } from './routing';
import type { FunctionRecord, PcConfig, WorldCtx } from './worldTypes';

export function putFunctionConcurrency(
  ctx: WorldCtx,
  name: string,
  reserved: number,
): Result<{ reservedConcurrentExecutions: number }> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  if (!Number.isInteger(reserved) || reserved < 0) {
    return validationError([
      {
        field: 'reservedConcurrentExecutions',
        value: String(reserved),
        constraint: 'Member must have value greater than or equal to 0',
      },
    ]);
  }
  const unreservedAfter = ctx.accountLimit - (ctx.totalReserved - (fn.reserved ?? 0) + reserved);
  if (unreservedAfter < L.UNRESERVED_MIN) {
    return invalidParameter(
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${L.UNRESERVED_MIN}].`,
    );
  }
  if (reserved < fn.pcAllocated) {
    return invalidParameter(
      `ReservedConcurrentExecutions (${reserved}) cannot be lower than the function's provisioned concurrency (${fn.pcAllocated}).`,
    );
  }
  setReserved(ctx, fn, reserved);
  ctx.trace.emit('lambda.concurrency.reserved', ctx.now, { functionName: name, reserved });
  return { ok: true, value: { reservedConcurrentExecutions: reserved }, effects: [] };
}

export function deleteFunctionConcurrency(ctx: WorldCtx, name: string): Result<null> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  setReserved(ctx, fn, null);
  ctx.trace.emit('lambda.concurrency.reserved', ctx.now, { functionName: name, reserved: null });
  return { ok: true, value: null, effects: [] };
}

function unreservedPcElsewhere(ctx: WorldCtx, except: FunctionRecord): number {
  let n = 0;
  for (const fn of ctx.functions.values()) if (fn !== except && fn.reserved === null) n += fn.pcAllocated;
  return n;
}

export interface ProvisionedConcurrencyStatus {
  readonly qualifier: string;
  readonly requested: number;
  readonly allocated: number;
  readonly available: number;
  readonly status: 'IN_PROGRESS' | 'READY';
}

export function putProvisionedConcurrencyConfig(
  ctx: WorldCtx,
  name: string,
  qualifier: string,
  requested: number,
): Result<ProvisionedConcurrencyStatus> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  if (qualifier === '$LATEST') {
    return invalidParameter(
      'Provisioned Concurrency Configs cannot be applied to unpublished function versions.',
    );
  }
  const r = resolveQualified(ctx, name, qualifier);
  if ('name' in r) return { ok: false, error: r };
  if (!Number.isInteger(requested) || requested < 1) {
    return validationError([
      {
        field: 'provisionedConcurrentExecutions',
        value: String(requested),
        constraint: 'Member must have value greater than or equal to 1',
      },
    ]);
  }
  if (r.config.snapStartApplyOn === 'PublishedVersions') {
    return invalidParameter(
      'Provisioned Concurrency is not supported for SnapStart enabled function versions.',
    );
  }
  const old = fn.pc.get(qualifier);
  const others = fn.pcAllocated - (old?.requested ?? 0);
  if (fn.reserved !== null && others + requested > fn.reserved) {
    return invalidParameter(
      'Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function',
    );
  }
  if (fn.reserved === null) {
    const room = unreservedCapacity(ctx) - unreservedPcElsewhere(ctx, fn) - others - L.UNRESERVED_MIN;
    if (requested > room) {
      return invalidParameter(
        `Specified ConcurrentExecutions for function is greater than account's unreserved concurrency [${Math.max(0, room)}].`,
      );
    }
  }
  let pc = fn.pc.get(qualifier);
  if (pc) {
    billPcInterval(ctx, fn, pc);
    changePcAllocated(ctx, fn, -pc.requested);
    pc.requested = requested;
    pc.sinceMs = ctx.now;
  } else {
    pc = { qualifier, version: r.config.version, requested, sinceMs: ctx.now, envs: new Set() };
    fn.pc.set(qualifier, pc);
  }
  changePcAllocated(ctx, fn, requested);
  const current = pc;
  // An alias moved to another version: its provisioned environments are replaced, not reused.
  const stale = current.version !== r.config.version;
  current.version = r.config.version;
  const idleFirst = [...current.envs].sort((a, b) => Number(b.state === 'idle') - Number(a.state === 'idle'));
  for (const e of idleFirst) {
    if (!stale && current.envs.size <= requested) break;
    current.envs.delete(e);
    retireWhere(ctx, (x) => x === e, 'provisioned concurrency changed');
  }
  while (current.envs.size < requested) {
    const env = createEnv(ctx, fn, r.config, 'provisioned-concurrency', current);
    current.envs.add(env);
    beginInit(ctx, env, 'init');
  }
  ctx.trace.emit('lambda.concurrency.provisioned', ctx.now, {
    functionName: name,
    qualifier,
    allocated: requested,
  });
  return { ok: true, value: provisionedStatus(current), effects: [] };
}

export function provisionedStatus(pc: PcConfig): ProvisionedConcurrencyStatus {
  let ready = 0;
  for (const e of pc.envs) if (e.state === 'idle' || e.state === 'busy') ready++;
  return {
    qualifier: pc.qualifier,
    requested: pc.requested,
    allocated: pc.requested,
    available: ready,
    status: ready >= pc.requested ? 'READY' : 'IN_PROGRESS',
  };
}

function billPcInterval(ctx: WorldCtx, fn: FunctionRecord, pc: PcConfig): void {
  ctx.ledger.pcAllocatedGbMsClosed += pcAllocatedGbMs(
    { sinceMs: pc.sinceMs, count: pc.requested, memoryMb: fn.versions.get(pc.version)?.memorySize ?? 128 },
    ctx.now,
  );
}

/** End a PC allocation: bill its interval and retire its environments. */
export function closePc(ctx: WorldCtx, fn: FunctionRecord, qualifier: string): void {
  const pc = fn.pc.get(qualifier);
  if (!pc) return;
  billPcInterval(ctx, fn, pc);
  changePcAllocated(ctx, fn, -pc.requested);
  fn.pc.delete(qualifier);
  const envs = [...pc.envs];
  pc.envs.clear();
  retireWhere(ctx, (e) => envs.includes(e), 'provisioned concurrency removed');
}

export function deleteProvisionedConcurrencyConfig(
  ctx: WorldCtx,
  name: string,
  qualifier: string,
): Result<null> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  if (!fn.pc.has(qualifier)) {
    return fail(
      'ProvisionedConcurrencyConfigNotFoundException',
      'No Provisioned Concurrency Config found for this function',
      404,
    );
  }
  closePc(ctx, fn, qualifier);
  ctx.trace.emit('lambda.concurrency.provisioned', ctx.now, { functionName: name, qualifier, allocated: 0 });
  return { ok: true, value: null, effects: [] };
}

const DESTINATION_PATTERN = /^arn:aws[a-zA-Z-]*:(sqs|sns|lambda|events|s3):[a-z0-9-]*:(\d{12})?:?.+$/;

export function putFunctionEventInvokeConfig(
  ctx: WorldCtx,
  name: string,
  qualifier: string | undefined,
  input: EventInvokeConfigInput,
): Result<EventInvokeConfig> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  if (qualifier !== undefined) {
    const r = resolveQualified(ctx, name, qualifier);
    if ('name' in r) return { ok: false, error: r };
  }
  const retries = input.maximumRetryAttempts ?? L.ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT;
  const age = input.maximumEventAgeInSeconds ?? L.ASYNC_MAX_EVENT_AGE_MAX_S;
  const violations = [];
  if (!Number.isInteger(retries) || retries < 0 || retries > 2) {
    const constraint = retries < 0 ? 'greater than or equal to 0' : 'less than or equal to 2';
    violations.push({
      field: 'maximumRetryAttempts',
      value: String(retries),
      constraint: `Member must have value ${constraint}`,
    });
  }
  if (!Number.isInteger(age) || age < L.ASYNC_MAX_EVENT_AGE_MIN_S || age > L.ASYNC_MAX_EVENT_AGE_MAX_S) {
    const constraint =
      age < L.ASYNC_MAX_EVENT_AGE_MIN_S ? 'greater than or equal to 60' : 'less than or equal to 21600';
    violations.push({
      field: 'maximumEventAgeInSeconds',
      value: String(age),
      constraint: `Member must have value ${constraint}`,
    });
  }
  if (violations.length > 0) return validationError(violations);
  const onSuccess = input.destinationConfig?.onSuccess?.destination ?? null;
  const onFailure = input.destinationConfig?.onFailure?.destination ?? null;
  for (const [field, arn] of [
    ['DestinationConfig.OnSuccess.Destination', onSuccess],
    ['DestinationConfig.OnFailure.Destination', onFailure],
  ] as const) {
    if (arn !== null && !DESTINATION_PATTERN.test(arn)) {
      return invalidParameter(
        `${field}: ${arn} is not a valid SQS queue, SNS topic, Lambda function, EventBridge bus or S3 bucket ARN.`,
      );
    }
  }
  if (onSuccess?.startsWith('arn:aws:s3:')) {
    return invalidParameter(
      'DestinationConfig.OnSuccess.Destination: S3 buckets are supported only for on-failure destinations.',
    );
  }
  const value: EventInvokeConfig = {
    maximumRetryAttempts: retries,
    maximumEventAgeInSeconds: age,
    onSuccess,
    onFailure,
  };
  fn.eventInvokeConfigs.set(qualifier ?? '', value);
  ctx.trace.emit('lambda.eventinvokeconfig.put', ctx.now, {
    functionName: name,
    qualifier: qualifier ?? '$LATEST',
  });
  return { ok: true, value, effects: [] };
}
