/**
 * A handler parked on a synchronous call (Lambda-to-Lambda invoke). While it waits, the world may move
 * on: its runtime effect stops holding virtual time back, and its place in the report order is given
 * up. Releasing it (the answer is known, or its own deadline came) ends the wait; the handler holds
 * time again only when its report comes, numbered then. Several chains on one worker nest like a stack,
 * so a released caller may have to wait for the calls above it to finish before it can run on; holding
 * time in the meantime would stop the very calls it waits for.
 */
import { applyInOrder, type Env, schedule, type WorldCtx } from './worldTypes';

export interface ParkHandle {
  /** The caller's deadline in virtual epoch ms (it times out there if nothing answered). */
  readonly deadlineMs: number;
  /** Holds time for the caller again; false if it was already released (say, by its deadline). */
  release(): boolean;
}

interface Parked {
  readonly env: Env;
  /** False once the answer is known (the handler may run on; its report is still to come). */
  waiting: boolean;
}

const parkedByCtx = new WeakMap<WorldCtx, Map<string, Parked>>();

function parkedOf(ctx: WorldCtx): Map<string, Parked> {
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
  const entry: Parked = { env, waiting: true };
  parked.set(requestId, entry);
  ctx.outstanding--;
  // The caller's report slot is consumed now (it reported "waiting"); release issues a new one.
  applyInOrder(ctx, env, () => undefined);
  const deadlineMs = inv.serveStart + env.config.timeout * 1000;
  const release = (): boolean => {
    if (parked.get(requestId) !== entry || !entry.waiting) return false;
    entry.waiting = false;
    ctx.trace.emit('lambda.invoke.resumed', ctx.now, { requestId, functionName: env.config.functionName });
    return true;
  };
  schedule(ctx, Math.max(deadlineMs, ctx.now), {
    kind: 'service',
    label: 'lambda.invoke.callerDeadline',
    // Background: an answered caller leaves this timer behind, and it must not keep the world busy.
    background: true,
    run: () => {
      if (parked.get(requestId) === entry && entry.waiting) onDeadline();
    },
  });
  ctx.trace.emit('lambda.invoke.parked', ctx.now, { requestId, functionName: env.config.functionName });
  return { deadlineMs, release };
}

/** The report of a parked handler has come (it ran on, or its worker was lost): number it now and apply it. */
export function unparkForReport(ctx: WorldCtx, requestId: string): void {
  const parked = parkedOf(ctx);
  const entry = parked.get(requestId);
  if (!entry) return;
  parked.delete(requestId);
  entry.env.issueSeq = ctx.nextIssueSeq++;
  entry.env.reported = false;
  ctx.outstanding++;
}

/** Handlers still waiting for an answer: while there are any, the shell must keep time moving. */
export function parkedCount(ctx: WorldCtx): number {
  let n = 0;
  for (const p of parkedOf(ctx).values()) if (p.waiting) n++;
  return n;
}
