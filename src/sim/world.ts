/**
 * createWorld: the simulated Lambda service. Commands validate and either refuse with an AWS error (world
 * unchanged) or apply, trace, and return effects; the shell runs effects and feeds reports back through
 * completeInit / completeInvoke; advanceTo / runUntilIdle move virtual time, never past outstanding work.
 */
import { onAsyncDispatch } from './asyncInvoke';
import { fail, type Result, validationError } from './awsErrors';
import { computeBill, createLedger, type PcAllocation } from './billing';
import { DEFAULT_COLD_START_MODEL } from './coldStart';
import { concurrencySnapshot } from './concurrency';
import * as cc from './concurrencyCommands';
import type { Effect } from './effects';
import { DEFAULT_LIFETIME_MODEL } from './environment';
import { onIdleReap } from './envPool';
import { createEventQueue } from './eventQueue';
import { completeInvoke, onInvokeDone } from './finish';
import * as fc from './functionCommands';
import { invoke } from './invoke';
import { completeInit, onInitDone, onMaxLifetime } from './lifecycle';
import * as L from './limits';
import { createLogStore } from './logStore';
import { park, parkedCount } from './park';
import { createRng } from './rng';
import { resolveQualified } from './routing';
import { openSnapshots, snapshotCacheGbMs } from './snapStart';
import { createTrace } from './trace';
import type { AdvanceResult, ServiceContext, World, WorldOptions } from './worldApi';
import type { Scheduled, WorldCtx } from './worldTypes';
import { schedule } from './worldTypes';

export function createWorld(options: WorldOptions): World {
  const trace = createTrace();
  const ctx: WorldCtx = {
    now: options.startTimeMs,
    opts: {
      seed: options.seed,
      region: options.region ?? L.REGION_DEFAULT,
      accountId: options.accountId ?? L.ACCOUNT_ID_DEFAULT,
      lifetime: { ...DEFAULT_LIFETIME_MODEL, ...options.lifetime },
      coldStart: { ...DEFAULT_COLD_START_MODEL, ...options.coldStart },
      asyncQueueDelayMs: options.asyncQueueDelayMs ?? 0,
      retainInvocations: options.retainInvocations ?? 10_000,
    },
    rng: createRng(options.seed),
    trace,
    queue: createEventQueue<Scheduled>(),
    logs: createLogStore(trace),
    ledger: createLedger(),
    outbox: [],
    outstanding: 0,
    nextIssueSeq: 0,
    nextApplySeq: 0,
    deferred: new Map(),
    foreground: 0,
    functions: new Map(),
    layers: new Map(),
    envs: new Map(),
    idlePools: new Map(),
    pcPools: new Map(),
    responses: new Map(),
    sinks: [],
    nextAsyncId: 1,
    accountLimit: options.accountConcurrency ?? L.ACCOUNT_CONCURRENCY_DEFAULT,
    totalReserved: 0,
    unreservedInUse: 0,
  };
  trace.emit('world.created', ctx.now, { seed: options.seed, startTimeMs: options.startTimeMs });

  const drain = (): Effect[] => (ctx.outbox.length === 0 ? [] : ctx.outbox.splice(0));
  const withEffects = <T>(r: Result<T>): Result<T> =>
    r.ok ? { ok: true, value: r.value, effects: drain() } : r;

  const dispatch = (item: Scheduled): void => {
    switch (item.kind) {
      case 'initDone':
        onInitDone(ctx, item.env);
        return;
      case 'invokeDone':
        onInvokeDone(ctx, item.env);
        return;
      case 'idleReap':
        onIdleReap(ctx, item.env);
        return;
      case 'maxLifetime':
        onMaxLifetime(ctx, item.env);
        return;
      case 'asyncDispatch':
        onAsyncDispatch(ctx, item.event);
        return;
      case 'service':
        item.run();
        return;
      default: {
        const never: never = item;
        throw new Error(`unknown scheduled item ${JSON.stringify(never)}`);
      }
    }
  };

  const step = (): void => {
    const e = ctx.queue.pop()!;
    const item = e.item;
    if (
      !(
        item.kind === 'idleReap' ||
        item.kind === 'maxLifetime' ||
        (item.kind === 'service' && item.background)
      )
    ) {
      ctx.foreground--;
    }
    if (e.at > ctx.now) ctx.now = e.at;
    dispatch(item);
  };

  const advanceTo = (t: number): AdvanceResult => {
    while (ctx.outstanding === 0) {
      const at = ctx.queue.peekTime();
      if (at === undefined || at > t) break;
      step();
    }
    const blocked = ctx.outstanding > 0;
    // The clock never goes backwards, and never past work the runtime has not reported yet.
    if (!blocked && t > ctx.now && Number.isFinite(t)) ctx.now = t;
    return { effects: drain(), blocked, now: ctx.now };
  };

  const serviceCtx: ServiceContext = {
    now: () => ctx.now,
    schedule: (at, label, run, o) =>
      schedule(ctx, Math.max(at, ctx.now), {
        kind: 'service',
        label,
        run,
        background: o?.background ?? false,
      }),
    rng: ctx.rng,
    emit: (name, payload) => trace.emit(name, ctx.now, payload),
    invoke: (p) => invoke(ctx, p),
    addDestinationSink: (sink) => ctx.sinks.push(sink),
    park: (requestId, onDeadline) => park(ctx, requestId, onDeadline),
  };

  const openPc = (): PcAllocation[] => {
    const out: PcAllocation[] = [];
    for (const fn of ctx.functions.values()) {
      for (const pc of fn.pc.values()) {
        out.push({
          sinceMs: pc.sinceMs,
          count: pc.requested,
          memoryMb: fn.versions.get(pc.version)?.memorySize ?? 128,
        });
      }
    }
    return out;
  };

  return {
    trace,
    logs: ctx.logs,
    now: () => ctx.now,
    createFunction: (input) => withEffects(fc.createFunction(ctx, input)),
    getFunction(name, qualifier) {
      const r = resolveQualified(ctx, name, qualifier);
      return 'name' in r ? { ok: false, error: r } : { ok: true, value: r.config, effects: [] };
    },
    getAlias: (name, alias) => ctx.functions.get(name)?.aliases.get(alias) ?? null,
    listVersions: (name) => fc.listVersions(ctx, name),
    listAliases: (name, functionVersion) => fc.listAliases(ctx, name, functionVersion),
    snapshotState(name, version) {
      const s = ctx.functions.get(name)?.snapshots.get(version);
      return s ? { state: s.state, reason: s.stateReason } : null;
    },
    updateFunctionConfiguration: (name, patch) =>
      withEffects(fc.updateFunctionConfiguration(ctx, name, patch)),
    updateFunctionCode: (name, code) => withEffects(fc.updateFunctionCode(ctx, name, code)),
    deleteFunction: (name, qualifier) => withEffects(fc.deleteFunction(ctx, name, qualifier)),
    publishVersion: (name) => withEffects(fc.publishVersion(ctx, name)),
    createAlias: (name, alias, version, routing) =>
      withEffects(fc.putAlias(ctx, name, alias, version, 'create', routing ?? null)),
    updateAlias: (name, alias, version, routing) =>
      withEffects(fc.putAlias(ctx, name, alias, version, 'update', routing ?? null)),
    deleteAlias: (name, alias) => withEffects(fc.deleteAlias(ctx, name, alias)),
    publishLayerVersion: (input) => withEffects(fc.publishLayerVersion(ctx, input)),
    putFunctionConcurrency: (name, n) => withEffects(cc.putFunctionConcurrency(ctx, name, n)),
    deleteFunctionConcurrency: (name) => withEffects(cc.deleteFunctionConcurrency(ctx, name)),
    putProvisionedConcurrencyConfig: (name, q, n) =>
      withEffects(cc.putProvisionedConcurrencyConfig(ctx, name, q, n)),
    getProvisionedConcurrencyConfig(name, qualifier) {
      const pc = ctx.functions.get(name)?.pc.get(qualifier);
      return pc ? cc.provisionedStatus(pc) : null;
    },
    deleteProvisionedConcurrencyConfig: (name, q) =>
      withEffects(cc.deleteProvisionedConcurrencyConfig(ctx, name, q)),
    putFunctionEventInvokeConfig: (name, q, c) =>
      withEffects(cc.putFunctionEventInvokeConfig(ctx, name, q, c)),
    setAccountConcurrency(limit) {
      if (!Number.isInteger(limit) || limit < 1) {
        return validationError([
          {
            field: 'concurrentExecutions',
            value: String(limit),
            constraint: 'Member must have value greater than or equal to 1',
          },
        ]);
      }
      if (limit < ctx.totalReserved) {
        return fail(
          'InvalidParameterValueException',
          `The account limit (${limit}) cannot be lower than the concurrency reserved by functions (${ctx.totalReserved}).`,
        );
      }
      ctx.accountLimit = limit;
      return { ok: true, value: { accountLimit: limit }, effects: [] };
    },
    invoke: (params) => withEffects(invoke(ctx, params)),
    getResponse: (requestId) => ctx.responses.get(requestId),
    completeInit: (envId, report) => withEffects(completeInit(ctx, envId, report)),
    completeInvoke: (envId, requestId, report) => withEffects(completeInvoke(ctx, envId, requestId, report)),
    advanceTo,
    advanceBy: (ms) => advanceTo(ctx.now + ms),
    runUntilIdle() {
      while (ctx.outstanding === 0 && ctx.foreground > 0 && ctx.queue.size() > 0) step();
      return { effects: drain(), blocked: ctx.outstanding > 0, now: ctx.now };
    },
    nextEventTime: () => ctx.queue.peekTime(),
    outstandingEffects: () => ctx.outstanding,
    parkedCount: () => parkedCount(ctx),
    envs: () =>
      [...ctx.envs.values()].map((e) => ({
        envId: e.id,
        functionName: e.config.functionName,
        version: e.config.version,
        state: e.state,
        initType: e.initType,
        logStreamName: e.logStream,
        createdAt: e.createdAt,
        needsReset: e.needsReset,
        currentRequestId: e.current?.requestId ?? null,
        maxMemoryUsedMb: e.maxMemoryMb,
      })),
    concurrency: () => concurrencySnapshot(ctx),
    bill: () =>
      computeBill(
        ctx.ledger,
        openPc(),
        ctx.now,
        openSnapshots(ctx).reduce((sum, s) => sum + snapshotCacheGbMs(s, ctx.now), 0),
      ),
    registerService: (service) => service.attach(serviceCtx),
    addDestinationSink: (sink) => ctx.sinks.push(sink),
  };
}

export type { AdvanceResult, EnvSnapshot, ServiceContext, SimService, World, WorldOptions } from './worldApi';
