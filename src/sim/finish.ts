/** The end of an invocation: duration, END/REPORT lines, billing, response, and the environment's next state. */
import { notFound, type Result } from './awsErrors';
import { billedDurationMs, invocationCostUsd, recordCharge } from './billing';
import { profileFor } from './coldStart';
import { holdOnDemand } from './concurrency';
import { becomeIdle, emitAppLogs, logTo, setState, shouldRetire, shutdown } from './envPool';
import { INIT_BILLING_START_MS, SYNC_RESPONSE_MAX_BYTES } from './limits';
import * as lines from './logLines';
import { unparkForReport } from './park';
import type { RunReport } from './runtimePort';
import { toCentis } from './timeFormat';
import type { InvokeStatus } from './trace';
import { utf8Length } from './utf8';
import { applyInOrder, type Env, type Invocation, schedule, type WorldCtx } from './worldTypes';

export function platformStatusOf(
  status: 'success' | 'error' | 'timeout',
  errorType: string | null,
): lines.PlatformStatus {
  if (status === 'success') return { kind: 'success' };
  if (status === 'timeout') return { kind: 'timeout' };
  return { kind: 'error', errorType: errorType ?? 'Runtime.Unknown' };
}

export function completeInvoke(
  ctx: WorldCtx,
  envId: string,
  requestId: string,
  report: RunReport,
): Result<null> {
  unparkForReport(ctx, requestId);
  const env = ctx.envs.get(envId);
  const inv = env?.current;
  if (!env || !inv || env.awaiting !== 'invoke' || inv.requestId !== requestId || env.reported) {
    return notFound(`No invocation ${requestId} is outstanding in environment ${envId}.`);
  }
  applyInOrder(ctx, env, () => applyInvoke(ctx, env, inv, report));
  return { ok: true, value: null, effects: [] };
}

function applyInvoke(ctx: WorldCtx, env: Env, inv: Invocation, report: RunReport): void {
  const remaining = env.config.timeout * 100_000 - inv.preInvokeCentis;
  let centis = toCentis(report.cpuMs * env.spec.cpuScale + report.sleepMs + (report.runtimeMs ?? 0));
  let status: InvokeStatus = report.outcome.status;
  if (status === 'timeout' || centis >= remaining) {
    status = 'timeout';
    centis = remaining;
  }
  inv.handler = { centis, status, report };
  env.awaiting = 'none';
  ctx.outstanding--;
  schedule(ctx, inv.handlerStart + centis / 100, { kind: 'invokeDone', env });
}

export function onInvokeDone(ctx: WorldCtx, env: Env): void {
  const inv = env.current!;
  const h = inv.handler!;
  const r = h.report;
  emitAppLogs(ctx, env, inv.handlerStart, r.logs, h.centis / 100);
  const o = r.outcome;
  const memory = env.config.memorySize;
  env.maxMemoryMb = Math.max(env.maxMemoryMb, h.status === 'outOfMemory' ? memory : r.maxMemoryMb);
  let payloadJson: string;
  let reportStatus: lines.PlatformStatus = { kind: 'success' };
  let status = h.status;
  if (status === 'timeout') {
    payloadJson = lines.timeoutPayload(inv.requestId, env.config.timeout * 1000);
    reportStatus = { kind: 'timeout' };
  } else if (o.status === 'success') {
    if (utf8Length(o.responseJson) > SYNC_RESPONSE_MAX_BYTES) {
      status = 'error';
      payloadJson = lines.RESPONSE_TOO_LARGE_JSON;
    } else payloadJson = o.responseJson;
  } else if (o.status === 'error') payloadJson = lines.pythonErrorJson(o.error);
  else if (o.status === 'outOfMemory') {
    payloadJson = lines.platformErrorJson(
      'Runtime.OutOfMemory',
      inv.requestId,
      'Runtime exited with error: signal: killed',
    );
    reportStatus = { kind: 'error', errorType: 'Runtime.OutOfMemory' };
  } else {
    const message = o.status === 'crash' ? o.message : 'unknown';
    payloadJson = lines.platformErrorJson(
      'Runtime.ExitError',
      inv.requestId,
      `Runtime exited with error: ${message}`,
    );
    reportStatus = { kind: 'error', errorType: 'Runtime.ExitError' };
  }
  finishInvocation(ctx, env, inv, { status, handlerCentis: h.centis, payloadJson, reportStatus });
}

export interface FinishArgs {
  readonly status: InvokeStatus;
  readonly handlerCentis: number;
  readonly payloadJson: string;
  readonly reportStatus: lines.PlatformStatus;
}

const TAIL_CHARS = 4096;

/** Each log event is a line; the tail keeps the last 4 KB of them (counted in characters). */
function logTail(ctx: WorldCtx, env: Env, from: number): string {
  const events = ctx.logs.events(env.logGroup, env.logStream);
  let text = '';
  for (let i = from; i < events.length; i++) {
    const m = events[i]!.message;
    text += m.endsWith('\n') ? m : `${m}\n`;
  }
  return text.length > TAIL_CHARS ? text.slice(text.length - TAIL_CHARS) : text;
}

/** Init is billed for on-demand cold starts of images and custom runtimes, and of all zip runtimes from 2025-08-01. */
function initIsBilled(ctx: WorldCtx, env: Env): boolean {
  if (env.initType !== 'on-demand') return false;
  return (
    env.config.packageType === 'Image' || !profileFor(env.config).managed || ctx.now >= INIT_BILLING_START_MS
  );
}

export function finishInvocation(ctx: WorldCtx, env: Env, inv: Invocation, a: FinishArgs): void {
  const config = env.config;
  const ran = inv.handler?.report;
  const model = {
    workMs: ran && a.status !== 'timeout' && ran.outcome.status !== 'timeout' ? ran.cpuMs : null,
    work: ran?.workModel === 'counted' ? ('counted' as const) : ('measured' as const),
    cpuScale: env.spec.cpuScale,
    waitMs: ran ? ran.sleepMs : 0,
    runtimeMs: ran?.runtimeMs ?? 0,
    ...(ran?.loadShare === undefined ? {} : { loadShare: ran.loadShare }),
  };
  const durationCentis = inv.preInvokeCentis + a.handlerCentis;
  const billedInit = inv.initCentis !== null && initIsBilled(ctx, env) ? inv.initCentis : 0;
  const billedMs = billedDurationMs(durationCentis, billedInit);
  const fields: lines.ReportFields = {
    requestId: inv.requestId,
    durationCentis,
    billedDurationMs: billedMs,
    memorySizeMb: config.memorySize,
    maxMemoryUsedMb: Math.min(config.memorySize, env.maxMemoryMb),
    initCentis: inv.initCentis,
    restoreCentis: inv.restoreCentis,
    status: a.reportStatus,
  };
  const now = ctx.now;
  const end = env.json
    ? lines.runtimeDoneJson(now, inv.requestId, a.reportStatus)
    : lines.endLine(inv.requestId);
  logTo(ctx, env, now, end);
  logTo(ctx, env, now, env.json ? lines.reportJson(now, fields) : lines.reportLine(fields));
  if (a.status === 'timeout')
    logTo(ctx, env, now, lines.timeoutLine(now, inv.requestId, config.timeout * 1000));
  const provisioned = env.initType === 'provisioned-concurrency';
  const charge = {
    billedMs,
    memoryMb: config.memorySize,
    ephemeralMb: config.ephemeralStorageMb,
    architecture: config.architecture,
    provisioned,
  };
  const gbs = recordCharge(ctx.ledger, charge);
  ctx.trace.emit('billing.charge', now, {
    requestId: inv.requestId,
    functionName: config.functionName,
    architecture: config.architecture,
    memoryMb: config.memorySize,
    billedDurationMs: billedMs,
    gbSeconds: gbs,
    provisioned,
    costUsd: invocationCostUsd(charge),
    approximate: provisioned,
  });
  const functionError = a.status === 'success' ? null : 'Unhandled';
  ctx.trace.emit('lambda.invoke.end', now, {
    requestId: inv.requestId,
    functionName: config.functionName,
    envId: env.id,
    status: a.status,
    durationMs: durationCentis / 100,
    billedDurationMs: billedMs,
    initDurationMs: inv.initCentis === null ? null : inv.initCentis / 100,
    statusCode: 200,
    functionError,
    errorType: a.reportStatus.kind === 'error' ? a.reportStatus.errorType : null,
    model,
  });
  if (inv.type === 'RequestResponse') {
    ctx.responses.set(inv.requestId, {
      requestId: inv.requestId,
      statusCode: 200,
      functionError,
      payloadJson: a.payloadJson,
      executedVersion: config.version,
      status: a.status,
      durationMs: durationCentis / 100,
      billedDurationMs: billedMs,
      initDurationMs: inv.initCentis === null ? null : inv.initCentis / 100,
      logStreamName: env.logStream,
      logTail: logTail(ctx, env, inv.logFrom),
      model,
    });
  }
  // The runtime is reset after a timeout, OOM or crash: the next invoke re-runs Init (suppressed init).
  if (a.status === 'timeout' || a.status === 'outOfMemory' || a.status === 'crash') env.needsReset = true;
  env.current = null;
  setState(ctx, env, 'invoke.done', a.status);
  if (!provisioned) holdOnDemand(ctx, env.fn, -1);
  if (shouldRetire(env)) shutdown(ctx, env, 'retired');
  else becomeIdle(ctx, env);
  inv.onDone?.({
    status: a.status,
    statusCode: 200,
    functionError,
    payloadJson: a.payloadJson,
    executedVersion: config.version,
  });
}
