/**
 * A handler parked on a synchronous call (Lambda-to-Lambda invoke). While it waits, the world may move
 * on: its runtime effect stops holding virtual time back, and its place in the report order is given
 * up. Releasing it (the answer is known, or its own deadline came) holds time again at that instant,
 * as a newly issued effect, so the same seed and outcomes still give the same trace.
 */
import { applyInOrder, type Env, schedule, type WorldCtx } from './worldTypes';

export interface ParkHandle {
  /** The caller's deadline in virtual epoch ms (it times out there if nothing answered). */
  readonly deadlineMs: number;
  /** Holds time for the caller again; false if it was already released (say, by its deadline). */
  release(): boolean;
}

const parkedByCtx = new WeakMap<WorldCtx, Map<string, Env>>();

function parkedOf(ctx: WorldCtx): Map<string, Env> {
  let map = parkedByCtx.get(ctx);
  if (!map) {
    map = new Map();
    parkedByCtx.set(ctx, map);
  }
  return map;
}

function findRunning(ctx: WorldCtx, requestId: string): Env | null {
  for (const env of ctx.envs.values()) {
    if (env.current?.requestId === requestId && env.awaiting === 'invoke' && !env.reported) return env;
  }
  return null;
}

/** Parks the handler serving `requestId`; null when no handler of that request is running. */
export function park(ctx: WorldCtx, requestId: string, onDeadline: () => void): ParkHandle | null {
  const env = findRunning(ctx, requestId);
  const inv = env?.current;
  if (!env || !inv) return null;
  const parked = parkedOf(ctx);
  if (parked.has(requestId)) return null;
  parked.set(requestId, env);
  ctx.outstanding--;
  // The caller's report slot is consumed now (it reported "waiting"); release issues a new one.
  applyInOrder(ctx, env, () => undefined);
  const deadlineMs = inv.serveStart + env.config.timeout * 1000;
  const release = (): boolean => {
    if (parked.get(requestId) !== env) return false;
    parked.delete(requestId);
    env.issueSeq = ctx.nextIssueSeq++;
    env.reported = false;
    ctx.outstanding++;
    ctx.trace.emit('lambda.invoke.resumed', ctx.now, { requestId, functionName: env.config.functionName });
    return true;
  };
  schedule(ctx, Math.max(deadlineMs, ctx.now), {
    kind: 'service',
    label: 'lambda.invoke.callerDeadline',
    // Background: an answered caller leaves this timer behind, and it must not keep the world busy.
    background: true,
    run: () => {
      if (parked.get(requestId) === env) onDeadline();
    },
  });
  ctx.trace.emit('lambda.invoke.parked', ctx.now, { requestId, functionName: env.config.functionName });
  return { deadlineMs, release };
}

/** A report for a caller still parked (its worker was lost): hold time again so it can be applied. */
export function unparkForReport(ctx: WorldCtx, requestId: string): void {
  const parked = parkedOf(ctx);
  const env = parked.get(requestId);
  if (!env) return;
  parked.delete(requestId);
  env.issueSeq = ctx.nextIssueSeq++;
  env.reported = false;
  ctx.outstanding++;
}

export function parkedCount(ctx: WorldCtx): number {
  return parkedOf(ctx).size;
}
