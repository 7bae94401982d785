/**
 * SnapStart (facts §9): publishing a version runs its Init once, in an environment that serves no request,
 * and keeps the result as the version's snapshot; the version is Pending until then. Every cold start of
 * the version restores that snapshot instead of running Init. The snapshot carries the random seed its
 * Init ran with, so a restore (the runtime replays Init from it) draws the same values: the uniqueness
 * caveat. Caching and restoring are billed at modeled prices (UNCONFIRMED in the facts).
 */
import { conflict, type Result } from './awsErrors';
import { createEnv } from './envCreate';
import { shutdown } from './envPool';
import type { FunctionConfiguration } from './functionTypes';
import * as L from './limits';
import { type Env, type FunctionRecord, schedule, type WorldCtx } from './worldTypes';

export type SnapshotState = 'Pending' | 'Active' | 'Failed';

/** Why the environment that took a version's snapshot shut down (the timeline labels its row by it). */
export const SNAPSHOT_TAKEN = 'snapshot taken';

export interface SnapshotRecord {
  readonly version: string;
  /** The seed of the `random` module in the snapshot's Init, replayed by every restore. */
  readonly seed: number;
  state: SnapshotState;
  stateReason: string | null;
  readonly memoryMb: number;
  /** Caching is billed from publish until the version is deleted. */
  readonly cachedSince: number;
}

export function isSnapStartVersion(config: FunctionConfiguration): boolean {
  return config.version !== '$LATEST' && config.snapStartApplyOn === 'PublishedVersions';
}

/** Start the snapshot of a just-published SnapStart version: an Init in an environment of its own. */
export function takeSnapshot(
  ctx: WorldCtx,
  fn: FunctionRecord,
  config: FunctionConfiguration,
  beginInit: (env: Env) => void,
): void {
  const seed = Math.floor(ctx.rng.next() * 2 ** 32);
  const snapshot: SnapshotRecord = {
    version: config.version,
    seed,
    state: 'Pending',
    stateReason: 'Lambda is creating the snapshot of this version.',
    memoryMb: config.memorySize,
    cachedSince: ctx.now,
  };
  fn.snapshots.set(config.version, snapshot);
  // Begun by the next step of the world, not inside the call: an API call (boto3, the console) returns
  // a value, not effects, so the Init's runtime effect must come from a step the shell drains.
  schedule(ctx, ctx.now, {
    kind: 'service',
    label: `snapshot ${fn.name}:${config.version}`,
    background: false,
    run: () => {
      if (fn.deleted || !fn.versions.has(config.version)) return;
      beginInit(createEnv(ctx, fn, config, 'snap-start', null, { seed, restore: false }));
    },
  });
}

/** The snapshot Init ended: the version becomes Active (or Failed) and the environment leaves. */
export function snapshotTaken(ctx: WorldCtx, env: Env, status: 'success' | 'error' | 'timeout'): void {
  const snapshot = env.fn.snapshots.get(env.config.version);
  if (snapshot && snapshot.state === 'Pending') {
    snapshot.state = status === 'success' ? 'Active' : 'Failed';
    snapshot.stateReason =
      status === 'success' ? null : `The snapshot's Init ended with status ${status}; publish a new version.`;
    ctx.trace.emit('lambda.version.snapshot', ctx.now, {
      functionName: env.fn.name,
      version: env.config.version,
      state: snapshot.state,
    });
  }
  shutdown(ctx, env, SNAPSHOT_TAKEN);
}

/** An invoke of a version whose snapshot is not ready is refused, as for any function not Active. */
export function refuseUnlessRestorable(
  fn: FunctionRecord,
  config: FunctionConfiguration,
): Result<never> | null {
  if (!isSnapStartVersion(config)) return null;
  const state = fn.snapshots.get(config.version)?.state ?? 'Failed';
  if (state === 'Active') return null;
  return conflict(
    `The operation cannot be performed at this time. The function is currently in the following state: ${state}`,
  );
}

/** The seed a restored environment replays, or null when the config is not a SnapStart version. */
export function restoreSeed(fn: FunctionRecord, config: FunctionConfiguration): number | null {
  if (!isSnapStartVersion(config)) return null;
  return fn.snapshots.get(config.version)?.seed ?? null;
}

/** A restore is billed per GB of the environment's memory (modeled price). */
export function chargeRestore(ctx: WorldCtx, env: Env): void {
  const gb = env.config.memorySize / 1024;
  ctx.ledger.snapStartRestoredGb += gb;
  ctx.trace.emit('billing.snapstart.restore', ctx.now, {
    envId: env.id,
    functionName: env.config.functionName,
    memoryMb: env.config.memorySize,
    costUsd: gb * L.PRICE_SNAPSTART_RESTORE_GB_APPROX_USD,
  });
}

/** Stop caching a deleted version's snapshot (the cost of the cached span is kept in the ledger). */
export function dropSnapshot(ctx: WorldCtx, fn: FunctionRecord, version: string): void {
  const s = fn.snapshots.get(version);
  if (!s) return;
  ctx.ledger.snapStartCacheGbMsClosed += snapshotCacheGbMs(s, ctx.now);
  fn.snapshots.delete(version);
}

/** GB-ms of caching one snapshot until `untilMs`, with the 3-hour minimum of the pricing page (modeled). */
export function snapshotCacheGbMs(s: SnapshotRecord, untilMs: number): number {
  const span = Math.max(untilMs - s.cachedSince, L.SNAPSTART_CACHE_MIN_MS);
  return span * (s.memoryMb / 1024);
}

/** Every snapshot still cached, for the bill. */
export function openSnapshots(ctx: WorldCtx): SnapshotRecord[] {
  const out: SnapshotRecord[] = [];
  for (const fn of ctx.functions.values()) out.push(...fn.snapshots.values());
  return out;
}
