/**
 * Concurrency accounting (facts §6): the account limit with at least 100 always unreserved, reserved
 * concurrency per function, provisioned environments counted against both, and the per-function scaling
 * rate of 1,000 new environments per 10 s as a continuously refilled token bucket.
 */
import type { ThrottleReason } from './awsErrors';
import * as L from './limits';
import type { FunctionRecord, WorldCtx } from './worldTypes';

export function unreservedCapacity(ctx: WorldCtx): number {
  return ctx.accountLimit - ctx.totalReserved;
}

/** Why a new on-demand request would be throttled right now, or null if it may run. */
export function onDemandThrottle(ctx: WorldCtx, fn: FunctionRecord): ThrottleReason | null {
  if (fn.reserved !== null) {
    return fn.onDemandInFlight + fn.pcAllocated < fn.reserved
      ? null
      : 'ReservedFunctionConcurrentInvocationLimitExceeded';
  }
  return ctx.unreservedInUse < unreservedCapacity(ctx) ? null : 'ConcurrentInvocationLimitExceeded';
}

export function holdOnDemand(ctx: WorldCtx, fn: FunctionRecord, delta: 1 | -1): void {
  fn.onDemandInFlight += delta;
  if (fn.reserved === null) ctx.unreservedInUse += delta;
}

export function changePcAllocated(ctx: WorldCtx, fn: FunctionRecord, delta: number): void {
  fn.pcAllocated += delta;
  if (fn.reserved === null) ctx.unreservedInUse += delta;
}

/** Move a function between the unreserved pool and its own reservation, keeping the counters exact. */
export function setReserved(ctx: WorldCtx, fn: FunctionRecord, reserved: number | null): void {
  const usage = fn.onDemandInFlight + fn.pcAllocated;
  if (fn.reserved === null) ctx.unreservedInUse -= usage;
  else ctx.totalReserved -= fn.reserved;
  fn.reserved = reserved;
  if (reserved === null) ctx.unreservedInUse += usage;
  else ctx.totalReserved += reserved;
}

const REFILL_PER_MS = L.SCALING_ENVS_PER_WINDOW / L.SCALING_WINDOW_MS;

/** Take one scaling token; unused rate does not accrue beyond the bucket (facts §6). */
export function takeScalingToken(ctx: WorldCtx, fn: FunctionRecord): boolean {
  const elapsed = ctx.now - fn.scalingTokensAt;
  if (elapsed > 0) {
    fn.scalingTokens = Math.min(L.SCALING_ENVS_PER_WINDOW, fn.scalingTokens + elapsed * REFILL_PER_MS);
    fn.scalingTokensAt = ctx.now;
  }
  if (fn.scalingTokens < 1) return false;
  fn.scalingTokens -= 1;
  return true;
}

export interface FunctionConcurrency {
  readonly reserved: number | null;
  readonly onDemandInFlight: number;
  readonly provisioned: number;
}

export interface ConcurrencySnapshot {
  readonly accountLimit: number;
  readonly unreservedCapacity: number;
  readonly unreservedInUse: number;
  readonly functions: Readonly<Record<string, FunctionConcurrency>>;
}

export function concurrencySnapshot(ctx: WorldCtx): ConcurrencySnapshot {
  const functions: Record<string, FunctionConcurrency> = {};
  for (const fn of ctx.functions.values()) {
    functions[fn.name] = {
      reserved: fn.reserved,
      onDemandInFlight: fn.onDemandInFlight,
      provisioned: fn.pcAllocated,
    };
  }
  return {
    accountLimit: ctx.accountLimit,
    unreservedCapacity: unreservedCapacity(ctx),
    unreservedInUse: ctx.unreservedInUse,
    functions,
  };
}
