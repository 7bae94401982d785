/**
 * Lambda's CloudWatch metrics as series over virtual time, derived from the trace: Invocations, Errors,
 * Throttles (sums), Duration p50/p99 and ConcurrentExecutions (maximum) per period. Concurrency reuses the
 * cold-start timeline's reading of environment states, so the two views can never disagree.
 */

import { percentile } from '../../lib/percentile';
import type { TraceEvent } from '../../sim';
import { toTimelineModel } from '../../viz/coldStart/toTimelineModel';
import { lowerBound, stepAt } from '../../viz/trace/search';

export interface MetricsView {
  readonly functionName: string | null;
  /** The period of each point, as CloudWatch aggregates (1 s up to 1 h, chosen to keep ≤ 60 points). */
  readonly periodMs: number;
  /** Start of each period, epoch ms of virtual time. */
  readonly times: readonly number[];
  readonly invocations: readonly number[];
  readonly errors: readonly number[];
  readonly throttles: readonly number[];
  /** Modeled handler duration (the REPORT line's Duration), null for a period without invocations. */
  readonly durationP50: readonly (number | null)[];
  readonly durationP99: readonly (number | null)[];
  readonly concurrency: readonly number[];
  readonly totals: {
    readonly invocations: number;
    readonly errors: number;
    readonly throttles: number;
    readonly maxConcurrency: number;
  };
  /** Invocations per version that ran them (CloudWatch's ExecutedVersion dimension: a weighted alias splits). */
  readonly byExecutedVersion: Readonly<Record<string, number>>;
}

const PERIODS_MS = [
  1_000, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000, 21_600_000, 86_400_000,
];
export const MAX_POINTS = 60;

function periodFor(spanMs: number): number {
  return PERIODS_MS.find((p) => spanMs / p <= MAX_POINTS) ?? PERIODS_MS[PERIODS_MS.length - 1]!;
}

/** The events of one function: its invokes, throttles, and the states of its environments. */
function eventsOf(events: readonly TraceEvent[], functionName: string | null): TraceEvent[] {
  if (functionName === null) return [...events];
  const envs = new Set<string>();
  return events.filter((e) => {
    switch (e.name) {
      case 'lambda.env.created':
        if (e.functionName !== functionName) return false;
        envs.add(e.envId);
        return true;
      case 'lambda.env.state':
      case 'lambda.env.init.span':
      case 'lambda.env.init.end':
        return envs.has(e.envId);
      case 'lambda.invoke.start':
      case 'lambda.invoke.end':
      case 'lambda.invoke.throttled':
        return e.functionName === functionName;
      default:
        return false;
    }
  });
}

export function metricsView(
  trace: readonly TraceEvent[],
  options: { readonly functionName?: string | null; readonly nowMs: number },
): MetricsView {
  const functionName = options.functionName ?? null;
  const events = eventsOf(trace, functionName);
  const ends: { t: number; durationMs: number; error: boolean }[] = [];
  const throttled: number[] = [];
  const byExecutedVersion: Record<string, number> = {};
  let first = Number.POSITIVE_INFINITY;
  let last = options.nowMs;
  for (const e of events) {
    if (e.name === 'lambda.invoke.end')
      ends.push({ t: e.t, durationMs: e.durationMs, error: e.status !== 'success' });
    else if (e.name === 'lambda.invoke.throttled') throttled.push(e.t);
    else if (e.name === 'lambda.invoke.start')
      byExecutedVersion[e.version] = (byExecutedVersion[e.version] ?? 0) + 1;
    else continue;
    first = Math.min(first, e.t);
    last = Math.max(last, e.t);
  }
  const empty: MetricsView = {
    functionName,
    periodMs: PERIODS_MS[0]!,
    times: [],
    invocations: [],
    errors: [],
    throttles: [],
    durationP50: [],
    durationP99: [],
    concurrency: [],
    totals: { invocations: 0, errors: 0, throttles: 0, maxConcurrency: 0 },
    byExecutedVersion,
  };
  if (!Number.isFinite(first)) return empty;
  const periodMs = periodFor(last - first + 1);
  const start = Math.floor(first / periodMs) * periodMs;
  const n = Math.floor((last - start) / periodMs) + 1;
  const times = Array.from({ length: n }, (_, i) => start + i * periodMs);
  const bucket = (t: number) => Math.min(n - 1, Math.floor((t - start) / periodMs));
  const invocations = new Array<number>(n).fill(0);
  const errors = new Array<number>(n).fill(0);
  const throttles = new Array<number>(n).fill(0);
  const durations: number[][] = times.map(() => []);
  for (const x of ends) {
    const i = bucket(x.t);
    invocations[i]!++;
    if (x.error) errors[i]!++;
    durations[i]!.push(x.durationMs);
  }
  for (const t of throttled) throttles[bucket(t)]!++;
  const sorted = durations.map((d) => Float64Array.from(d).sort());
  const pct = (p: number) => sorted.map((d) => percentile(d, p));
  const series = toTimelineModel(events).concurrency;
  // ConcurrentExecutions is a Maximum: the level at the period's start or any level reached inside it.
  const concurrency = times.map((t0) => {
    let max = stepAt(series, t0);
    for (
      let i = lowerBound(series.times, t0);
      i < series.times.length && series.times[i]! < t0 + periodMs;
      i++
    )
      max = Math.max(max, series.values[i]!);
    return max;
  });
  return {
    functionName,
    periodMs,
    times,
    invocations,
    errors,
    throttles,
    durationP50: pct(50),
    durationP99: pct(99),
    concurrency,
    totals: {
      invocations: ends.length,
      errors: ends.filter((x) => x.error).length,
      throttles: throttled.length,
      maxConcurrency: Math.max(0, ...concurrency),
    },
    byExecutedVersion,
  };
}
