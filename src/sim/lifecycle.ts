/** Execution environments over time: create, Init (cold or suppressed), serve, finish, reap, recycle. */
import { notFound, type Result } from './awsErrors';
import { planPlatformSpans, profileFor } from './coldStart';
import { createEnv, runtimeArnHex } from './envCreate';
import { becomeIdle, emitAppLogs, logTo, setState, shouldRetire, shutdown } from './envPool';
import { finishInvocation, platformStatusOf } from './finish';
import { INIT_LIMIT_MS } from './limits';
import * as lines from './logLines';
import type { InvokeRequest, RunReport } from './runtimePort';
import { chargeRestore, snapshotTaken } from './snapStart';
import { toCentis } from './timeFormat';
import type { InitPhase } from './trace';
import {
  applyInOrder,
  awaitRuntime,
  type Env,
  type InitRun,
  type Invocation,
  schedule,
  type WorldCtx,
} from './worldTypes';

export function beginInit(ctx: WorldCtx, env: Env, phase: InitPhase): void {
  // The snapshot's own Init is a full one; only restores replace it.
  const initType = env.takesSnapshot ? 'on-demand' : env.initType;
  const spans = planPlatformSpans(env.config, phase, initType, ctx.rng, ctx.opts.coldStart);
  let platform = 0;
  for (const s of spans) platform += s.centis;
  const limitCentis = phase === 'init' ? INIT_LIMIT_MS * 100 : env.config.timeout * 100_000;
  env.init = {
    phase,
    startedAt: ctx.now,
    spans,
    platformCentis: platform,
    limitCentis,
    status: 'success',
    totalCentis: 0,
    errorType: null,
    errorJson: null,
    errorDetail: null,
    logs: [],
  };
  if (phase === 'init') {
    setState(ctx, env, 'init.begin', env.initType);
    const profile = profileFor(env.config);
    const arn = `arn:aws:lambda:${ctx.opts.region}::runtime:${runtimeArnHex(profile.runtimeVersion)}`;
    logTo(
      ctx,
      env,
      ctx.now,
      env.initType === 'snap-start' && !env.takesSnapshot
        ? env.json
          ? lines.restoreStartJson(ctx.now, profile.runtimeVersion, arn)
          : lines.restoreStartLine(profile.runtimeVersion, arn)
        : env.json
          ? lines.initStartJson(ctx.now, env.initType, phase, profile.runtimeVersion, arn)
          : lines.initStartLine(profile.runtimeVersion, arn),
    );
  }
  awaitRuntime(ctx, env, 'init');
  ctx.outbox.push({
    kind: 'runInit',
    phase,
    request: {
      env: env.spec,
      nowMs: ctx.now + platform / 100,
      limitMs: Math.max(0, limitCentis - platform) / 100,
    },
  });
}

export function completeInit(ctx: WorldCtx, envId: string, report: RunReport): Result<null> {
  const env = ctx.envs.get(envId);
  const run = env?.init;
  if (!env || !run || env.awaiting !== 'init' || env.reported) {
    return notFound(`No Init is outstanding for environment ${envId}.`);
  }
  applyInOrder(ctx, env, () => applyInit(ctx, env, run, report));
  return { ok: true, value: null, effects: [] };
}

function applyInit(ctx: WorldCtx, env: Env, run: InitRun, report: RunReport): void {
  const envId = env.id;
  // A restore's module code is replayed unbilled by the runtime: what it reports is the after-restore hooks.
  const restoring = env.initType === 'snap-start' && run.phase === 'init' && !env.takesSnapshot;
  const moduleCentis = toCentis(report.cpuMs * ctx.opts.coldStart.initCpuScale + report.sleepMs);
  let total = run.platformCentis + moduleCentis;
  const o = report.outcome;
  if (o.status === 'timeout' || total >= run.limitCentis) {
    run.status = 'timeout';
    total = run.limitCentis;
  } else if (o.status === 'error') {
    run.status = 'error';
    run.errorType = o.error.errorType;
    run.errorJson = lines.pythonErrorJson(o.error);
  } else if (o.status === 'outOfMemory') {
    run.status = 'error';
    run.errorType = 'Runtime.OutOfMemory';
    run.errorDetail = 'Runtime exited with error: signal: killed';
  } else if (o.status === 'crash') {
    run.status = 'error';
    run.errorType = 'Runtime.ExitError';
    run.errorDetail = `Runtime exited with error: ${o.message}`;
  }
  run.totalCentis = total;
  run.logs = report.logs;
  env.maxMemoryMb = Math.max(
    env.maxMemoryMb,
    o.status === 'outOfMemory' ? env.config.memorySize : report.maxMemoryMb,
  );
  let cursor = run.startedAt;
  for (const s of run.spans) {
    const durationMs = s.centis / 100;
    ctx.trace.emit('lambda.env.init.span', ctx.now, {
      envId,
      phase: run.phase,
      part: s.part,
      startMs: cursor,
      durationMs,
      model: s.model,
    });
    cursor += durationMs;
  }
  ctx.trace.emit('lambda.env.init.span', ctx.now, {
    envId,
    phase: run.phase,
    part: 'module',
    startMs: cursor,
    durationMs: Math.max(0, total - run.platformCentis) / 100,
    // Counted in checks, demos and scenarios (deterministic), measured in the learner's own runs.
    model: `${report.workModel === 'counted' ? 'counted' : 'measured'}.${restoring ? 'afterRestoreHooks' : 'initCpuUnthrottled'}`,
  });
  env.awaiting = 'none';
  ctx.outstanding--;
  schedule(ctx, run.startedAt + total / 100, { kind: 'initDone', env });
}

export function onInitDone(ctx: WorldCtx, env: Env): void {
  const run = env.init!;
  emitAppLogs(
    ctx,
    env,
    run.startedAt + run.platformCentis / 100,
    run.logs,
    (run.totalCentis - run.platformCentis) / 100,
  );
  ctx.trace.emit('lambda.env.init.end', ctx.now, {
    envId: env.id,
    phase: run.phase,
    status: run.status,
    durationMs: run.totalCentis / 100,
    errorType: run.errorType,
  });
  const status = platformStatusOf(run.status, run.errorType);
  const initReport = () =>
    logTo(
      ctx,
      env,
      ctx.now,
      env.json
        ? lines.initReportJson(ctx.now, env.initType, run.phase, run.totalCentis, status)
        : lines.initReportLine(run.totalCentis, run.phase, status),
    );
  if (run.phase === 'init') {
    setState(ctx, env, 'init.done', run.status);
    if (env.takesSnapshot) {
      initReport();
      snapshotTaken(ctx, env, run.status);
      return;
    }
    if (run.status !== 'success') {
      initReport();
      env.needsReset = true;
    } else if (env.initType === 'on-demand') env.pendingColdInitCentis = run.totalCentis;
    else if (env.initType === 'snap-start') {
      env.pendingRestoreCentis = run.totalCentis;
      chargeRestore(ctx, env);
      logTo(
        ctx,
        env,
        ctx.now,
        env.json
          ? lines.restoreReportJson(ctx.now, run.totalCentis, status)
          : lines.restoreReportLine(run.totalCentis),
      );
    } else initReport();
    const waiting = env.current;
    env.current = null;
    if (waiting) serve(ctx, env, waiting);
    else if (shouldRetire(env)) shutdown(ctx, env, 'retired');
    else becomeIdle(ctx, env);
    return;
  }
  const inv = env.current!;
  initReport();
  inv.preInvokeCentis = run.totalCentis;
  if (run.status === 'success') {
    env.needsReset = false;
    beginHandler(ctx, env, inv);
    return;
  }
  logStart(ctx, env, inv);
  const payload =
    run.errorJson ??
    (run.status === 'timeout'
      ? lines.timeoutPayload(inv.requestId, env.config.timeout * 1000)
      : lines.platformErrorJson(run.errorType ?? 'Runtime.Unknown', inv.requestId, run.errorDetail ?? ''));
  finishInvocation(ctx, env, inv, {
    status: run.status === 'timeout' ? 'timeout' : 'error',
    handlerCentis: 0,
    payloadJson: payload,
    reportStatus: status,
  });
}

/** Attach a request to an idle (or just initialized) environment. */
export function serve(ctx: WorldCtx, env: Env, inv: Invocation): void {
  setState(ctx, env, 'invoke.begin', inv.requestId);
  env.current = inv;
  inv.serveStart = ctx.now;
  inv.initCentis = env.pendingColdInitCentis;
  inv.restoreCentis = env.pendingRestoreCentis;
  env.pendingColdInitCentis = null;
  env.pendingRestoreCentis = null;
  ctx.trace.emit('lambda.invoke.start', ctx.now, {
    requestId: inv.requestId,
    functionName: inv.functionName,
    version: inv.version,
    envId: env.id,
    invocationType: inv.type,
    cold: inv.cold,
    attempt: inv.attempt,
  });
  if (env.needsReset) beginInit(ctx, env, 'invoke');
  else beginHandler(ctx, env, inv);
}

function logStart(ctx: WorldCtx, env: Env, inv: Invocation): void {
  const v = env.config.version;
  inv.logFrom = ctx.logs.events(env.logGroup, env.logStream).length;
  logTo(
    ctx,
    env,
    ctx.now,
    env.json ? lines.startJson(ctx.now, inv.requestId, v) : lines.startLine(inv.requestId, v),
  );
}

function beginHandler(ctx: WorldCtx, env: Env, inv: Invocation): void {
  inv.handlerStart = ctx.now;
  logStart(ctx, env, inv);
  awaitRuntime(ctx, env, 'invoke');
  const base: InvokeRequest = {
    envId: env.id,
    requestId: inv.requestId,
    eventJson: inv.payloadJson,
    nowMs: ctx.now,
    deadlineMs: inv.serveStart + env.config.timeout * 1000,
    invokedFunctionArn: inv.invokedArn,
  };
  // A client context exists only for sync invokes that passed one; copy only then.
  const cc = inv.clientContextJson;
  const request: InvokeRequest = cc === undefined ? base : { ...base, clientContextJson: cc };
  ctx.outbox.push({ kind: 'runInvoke', request });
}

export function onMaxLifetime(ctx: WorldCtx, env: Env): void {
  if (env.state === 'gone' || env.state === 'shuttingDown') return;
  const pc = env.pc;
  if (pc?.envs.has(env)) {
    // Provisioned capacity is replaced ahead of traffic before the old environment leaves.
    const fresh = createEnv(ctx, env.fn, env.config, 'provisioned-concurrency', pc);
    pc.envs.add(fresh);
    pc.envs.delete(env);
    beginInit(ctx, fresh, 'init');
  }
  if (env.state === 'idle') shutdown(ctx, env, 'maxLifetime');
  else env.retire = true;
}
