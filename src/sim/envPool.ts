/** Environment bookkeeping shared by the lifecycle and finish steps: states, logs, pools, shutdown. */
import { type EnvEvent, nextEnvState } from './environment';
import type { AppLogLine } from './runtimePort';
import type { Env, WorldCtx } from './worldTypes';
import { schedule } from './worldTypes';

export function setState(ctx: WorldCtx, env: Env, event: EnvEvent, reason: string): void {
  const to = nextEnvState(env.state, event);
  // A refused transition is a kernel bug, never a user error: fail loudly.
  if (to === null) throw new Error(`environment ${env.id}: ${event} is not allowed in state ${env.state}`);
  ctx.trace.emit('lambda.env.state', ctx.now, { envId: env.id, from: env.state, to, reason });
  env.state = to;
}

export function logTo(ctx: WorldCtx, env: Env, timestamp: number, message: string): void {
  ctx.logs.put(env.logGroup, env.logStream, timestamp, message, ctx.now);
}

export function emitAppLogs(
  ctx: WorldCtx,
  env: Env,
  base: number,
  logs: readonly AppLogLine[],
  maxMs: number,
): void {
  // A line is never dropped: the runtime's clock and the modeled phase length can disagree (Init runs
  // unthrottled in the model), so a late offset is stamped at the phase's end instead.
  for (const l of logs) logTo(ctx, env, base + Math.min(Math.max(l.offsetMs, 0), maxMs), l.text);
}

export function shouldRetire(env: Env): boolean {
  const fn = env.fn;
  if (env.retire || fn.deleted) return true;
  const v = env.config.version;
  return v === '$LATEST' ? env.config.revision !== fn.latest.revision : !fn.versions.has(v);
}

export function becomeIdle(ctx: WorldCtx, env: Env): void {
  const pc = env.initType === 'provisioned-concurrency';
  const pools = pc ? ctx.pcPools : ctx.idlePools;
  let pool = pools.get(env.poolKey);
  if (!pool) {
    pool = [];
    pools.set(env.poolKey, pool);
  }
  pool.push(env);
  env.idleSince = ctx.now;
  // Provisioned environments are kept warm; only on-demand ones are reaped when idle. One timer per
  // environment at a time: when it fires early (the environment worked since), it is set again.
  if (!pc && !env.idleTimerPending) {
    env.idleTimerPending = true;
    schedule(ctx, ctx.now + env.idleTtlMs, { kind: 'idleReap', env });
  }
}

function removeFromPool(ctx: WorldCtx, env: Env): void {
  const pool = (env.initType === 'provisioned-concurrency' ? ctx.pcPools : ctx.idlePools).get(env.poolKey);
  const i = pool ? pool.indexOf(env) : -1;
  if (pool && i >= 0) pool.splice(i, 1);
}

export function shutdown(ctx: WorldCtx, env: Env, reason: string): void {
  if (env.state === 'idle') removeFromPool(ctx, env);
  setState(ctx, env, 'shutdown.begin', reason);
  ctx.outbox.push({ kind: 'destroyEnv', envId: env.id });
  setState(ctx, env, 'shutdown.done', reason);
  env.pc?.envs.delete(env);
  ctx.envs.delete(env.id);
}

/** Shut idle environments now and mark the others to leave after their current work. */
export function retireWhere(ctx: WorldCtx, pred: (env: Env) => boolean, reason: string): void {
  for (const env of [...ctx.envs.values()]) {
    if (!pred(env)) continue;
    if (env.state === 'idle') shutdown(ctx, env, reason);
    else env.retire = true;
  }
}

export function onIdleReap(ctx: WorldCtx, env: Env): void {
  env.idleTimerPending = false;
  if (env.state !== 'idle') return;
  const due = env.idleSince + env.idleTtlMs;
  if (ctx.now >= due) shutdown(ctx, env, 'idle');
  else {
    env.idleTimerPending = true;
    schedule(ctx, due, { kind: 'idleReap', env });
  }
}
