/** `invoke` checks: run the handler on declared or generated events and compare what it answered. */
import type { InvokeOutcome } from '../../host/labRunner';
import { withWorld } from '../../host/router';
import { generateEventSet, resolveEvent } from '../../host/scenario/eventSource';
import type { Json } from '../../host/scenario/events';
import { isObject } from '../../host/scenario/jsonPath';
import type { TraceEvent } from '../../sim';
import type { CheckOf, InvokeExpect } from '../checks';
import { checkTrace, functionLogs } from './traceQuery';
import type { CheckContext, CheckOutcome, InvokeSummary } from './types';
import {
  type AssertionFailure,
  checkValue,
  deepEqual,
  describeRange,
  includes,
  inRange,
  show,
} from './values';

/** The function a check targets: named, else the one the first workspace file belongs to. */
export function checkFunction(ctx: CheckContext, named: string | undefined): string {
  if (named !== undefined) return named;
  for (const f of ctx.mapping) if ('function' in f) return f.function;
  return ctx.world.spec.functions[0]?.name ?? 'function';
}

export function checkEvents(ctx: CheckContext, check: CheckOf<'invoke'>): Json[] {
  if (check.event) return [resolveEvent(check.event, ctx.baseDir, ctx.readFile)];
  if (check.events) return check.events.map((e) => resolveEvent(e, ctx.baseDir, ctx.readFile));
  if (check.eventSet) return generateEventSet(check.eventSet);
  return [];
}

function summarize(event: Json, outcome: InvokeOutcome, trace: readonly TraceEvent[]): InvokeSummary {
  const r = outcome.response;
  if (!r) {
    const reason = outcome.accepted.ok ? 'no response' : outcome.accepted.error.name;
    return { event, status: reason, response: undefined, errorType: reason, cold: null, durationMs: null };
  }
  let response: Json | undefined;
  try {
    response = JSON.parse(r.payloadJson) as Json;
  } catch {
    response = undefined;
  }
  const errorType =
    r.functionError && isObject(response) && typeof response.errorType === 'string'
      ? response.errorType
      : null;
  const start = trace.find((e) => e.name === 'lambda.invoke.start' && e.requestId === r.requestId);
  const cold = start && start.name === 'lambda.invoke.start' ? start.cold : null;
  return { event, status: r.status, response, errorType, cold, durationMs: r.durationMs };
}

/** Runs the check's events against the workspace in a fresh world. */
export async function runInvokes(ctx: CheckContext, check: CheckOf<'invoke'>, buildInput = ctx.buildInput) {
  const functionName = checkFunction(ctx, check.function);
  const events = checkEvents(ctx, check);
  return withWorld(ctx.deps, buildInput, async (w) => {
    const qualifier = w.qualifiers.get(functionName);
    const invokes: InvokeSummary[] = [];
    for (const [i, event] of events.entries()) {
      if (i > 0 && check.gapMs !== undefined) await w.runner.advanceBy(check.gapMs);
      const outcome = await w.runner.invoke({
        functionName,
        ...(qualifier ? { qualifier } : {}),
        payloadJson: JSON.stringify(event),
      });
      invokes.push(summarize(event, outcome, w.runner.world.trace.events));
    }
    const trace = [...w.runner.world.trace.events];
    return { invokes, trace, logs: functionLogs(trace, functionName) };
  });
}

function errorText(s: InvokeSummary): string {
  const msg =
    isObject(s.response) && typeof s.response.errorMessage === 'string' ? `: ${s.response.errorMessage}` : '';
  return s.errorType ? `${s.errorType}${msg}` : s.status;
}

/** The error message without ids, so the same mistake gives the same code on every run. */
function errorDigest(s: InvokeSummary): string {
  const msg =
    isObject(s.response) && typeof s.response.errorMessage === 'string' ? s.response.errorMessage : '';
  return msg
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '#')
    .replace(/\b[0-9a-f]{16,}\b/gi, '#')
    .slice(0, 200);
}

function perInvokeFailures(s: InvokeSummary, e: InvokeExpect, label: string): AssertionFailure[] {
  const out: AssertionFailure[] = [];
  const wantStatus =
    e.status ?? (e.response !== undefined || e.responsePaths || e.responseIncludes ? 'success' : undefined);
  if (wantStatus !== undefined && s.status !== wantStatus) {
    out.push({
      code: `status:${s.status}:${s.errorType ?? ''}:${errorDigest(s)}`,
      message:
        s.status === 'error'
          ? `${label} raised ${errorText(s)}. Read the error in the logs: the handler should have returned normally.`
          : `${label} ended with status \`${s.status}\`${s.status === 'timeout' ? ' (it ran past the timeout)' : ''}; expected \`${wantStatus}\`.`,
    });
    return out;
  }
  if (e.errorType !== undefined && s.errorType !== e.errorType)
    out.push({
      code: `errorType:${s.errorType ?? 'none'}`,
      message: `${label} should fail with ${e.errorType}, but got ${s.errorType ?? 'no error'}.`,
    });
  if (e.response !== undefined && !deepEqual(s.response, e.response))
    out.push({
      code: `response:${show(s.response ?? null)}`,
      message: `${label} returned ${show(s.response ?? null)}; expected ${show(e.response)}.`,
    });
  if (e.responseIncludes !== undefined && !includes(s.response, e.responseIncludes))
    out.push({
      code: 'responseIncludes',
      message: `${label} returned ${show(s.response ?? null)}, which does not contain ${show(e.responseIncludes)}.`,
    });
  for (const a of e.responsePaths ?? []) {
    const f = checkValue(
      s.response ?? null,
      a,
      `the response${label === 'The invoke' ? '' : ` (${label.toLowerCase()})`}`,
    );
    if (f) out.push(f);
  }
  return out;
}

export async function runInvokeCheck(ctx: CheckContext, check: CheckOf<'invoke'>): Promise<CheckOutcome> {
  const { invokes, trace, logs } = await runInvokes(ctx, check);
  const e = check.expect;
  const failures: AssertionFailure[] = [];
  const many = invokes.length > 1;
  const label = (i: number) =>
    many ? `Invoke ${i + 1} of ${invokes.length} (event ${show(invokes[i]?.event ?? null)})` : 'The invoke';
  invokes.forEach((s, i) => {
    failures.push(...perInvokeFailures(s, e, label(i)));
    const per = e.perInvoke?.[i];
    if (per?.cold !== undefined && s.cold !== per.cold)
      failures.push({
        code: `cold:${i}:${String(s.cold)}`,
        message: `${label(i)} was ${s.cold ? 'a cold start' : 'warm'}; expected it to be ${per.cold ? 'a cold start' : 'warm'}.`,
      });
    if (per?.durationMs !== undefined && (s.durationMs === null || !inRange(s.durationMs, per.durationMs)))
      failures.push({
        code: `duration:${i}`,
        message: `${label(i)} took ${s.durationMs ?? '?'} ms; it should take ${describeRange(per.durationMs)} ms.`,
      });
  });
  if (e.matchesSolution === true) {
    const reference = await ctx.solutionInvokes(check.id);
    const bad = invokes.findIndex((s, i) => {
      const r = reference[i];
      return !r || s.status !== r.status || s.errorType !== r.errorType || !deepEqual(s.response, r.response);
    });
    if (bad >= 0) {
      const s = invokes[bad] as InvokeSummary;
      const r = reference[bad];
      const got = s.status === 'success' ? `returned ${show(s.response ?? null)}` : `raised ${errorText(s)}`;
      const want =
        r?.status === 'success' ? `returns ${show(r.response ?? null)}` : `raises ${r ? errorText(r) : '?'}`;
      failures.push({
        code: `matchesSolution:${s.status === 'success' ? 'differs' : `error:${s.errorType ?? ''}`}`,
        message: `For generated event ${bad + 1} of ${invokes.length}, ${show(s.event)}, your handler ${got}; the reference solution ${want}.`,
      });
    }
  }
  const all = logs.join('\n');
  for (const text of e.logsContain ?? [])
    if (!all.includes(text))
      failures.push({
        code: `logsContain:${text}`,
        message: `The logs should contain \`${text}\`, but no line does.`,
      });
  for (const text of e.logsNotContain ?? [])
    if (all.includes(text))
      failures.push({ code: `logsNotContain:${text}`, message: `The logs should not contain \`${text}\`.` });
  for (const c of e.logCount ?? []) {
    const n = logs.filter((l) => l.includes(c.text)).length;
    if (!inRange(n, c.count))
      failures.push({
        code: `logCount:${c.text}:${n}`,
        message: `\`${c.text}\` appears ${n} time(s) in the logs across ${invokes.length} invokes; expected ${describeRange(c.count)}.`,
      });
  }
  for (const t of e.trace ?? []) {
    const f = checkTrace(trace, t);
    if (f) failures.push(f);
  }
  return { failures, invokes };
}
