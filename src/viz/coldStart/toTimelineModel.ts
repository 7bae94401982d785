/**
 * The cold-start timeline as a projection of the trace: one row per execution environment with its Init
 * parts (modeled platform parts, measured module code), invokes, idle gaps and shutdown; throttles; a
 * concurrency line and latency percentiles. Built once in one pass; `timelineFrameAt` is then O(log n).
 */
import type { InitPart, InitType, InvokeStatus } from '../../sim';
import { asKnown, type TraceLike } from '../trace/looseEvents';
import {
  createStepSeries,
  lowerBound,
  mergeSorted,
  percentile,
  type StepSeries,
  stepAt,
  upperBound,
} from '../trace/search';

export type TimelineSpanKind = 'init-modeled' | 'init-measured' | 'invoke' | 'idle' | 'shutdown';

export interface TimelineSpan {
  readonly kind: TimelineSpanKind;
  readonly envIndex: number;
  readonly startMs: number;
  /** Equal to startMs for the shutdown marker; the trace end for spans still open. */
  readonly endMs: number;
  readonly open: boolean;
  /** Init spans: which part, the model that produced it, and whether it re-ran inside an invoke. */
  readonly part: InitPart | null;
  readonly model: string | null;
  readonly suppressed: boolean;
  /** Invoke spans. */
  readonly requestId: string | null;
  readonly status: InvokeStatus | null;
  readonly cold: boolean;
  readonly attempt: number;
  /** Shutdown reason or invocation type, for labels. */
  readonly note: string | null;
}

export interface EnvRow {
  readonly index: number;
  readonly envId: string;
  readonly functionName: string;
  readonly version: string;
  readonly initType: InitType;
  readonly createdAt: number;
  readonly goneAt: number | null;
  readonly shutdownReason: string | null;
  /** Sorted by startMs (an invoke before the suppressed Init drawn over it). */
  readonly spans: readonly TimelineSpan[];
  readonly spanStarts: Float64Array;
  /** Prefix maximum of span ends: ascending, so the first span reaching a time is a binary search. */
  readonly spanMaxEnds: Float64Array;
  /** After this virtual time the row draws the same at any later t. */
  readonly lastChangeMs: number;
  readonly invokes: number;
  readonly coldInvokes: number;
}

export interface ThrottleMark {
  readonly t: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly reason: string;
  readonly invocationType: string;
}

export interface LatencyStats {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

export interface TimelineModel {
  readonly startMs: number;
  readonly endMs: number;
  readonly rows: readonly EnvRow[];
  readonly rowCreatedAt: Float64Array;
  readonly throttles: readonly ThrottleMark[];
  readonly throttleTimes: Float64Array;
  /** Environments initializing for a request or busy: Lambda's concurrency. */
  readonly concurrency: StepSeries;
  readonly environmentsAlive: StepSeries;
  /** Cumulative latency percentiles at checkpoints (request arrival at the environment to end). */
  readonly latencyTimes: Float64Array;
  readonly latencyAt: readonly LatencyStats[];
  readonly summary: TimelineSummary;
}

export interface TimelineSummary {
  readonly environments: number;
  readonly invocations: number;
  readonly coldStarts: number;
  readonly errors: number;
  readonly throttles: number;
  readonly maxConcurrency: number;
  readonly latency: LatencyStats;
  readonly coldLatency: LatencyStats;
  readonly warmLatency: LatencyStats;
}

export interface TimelineFrame {
  readonly t: number;
  readonly concurrency: number;
  readonly environmentsAlive: number;
  /** Rows created at or before t (rows are in creation order). */
  readonly rowCount: number;
  readonly throttleCount: number;
  readonly latency: LatencyStats;
}

interface RowBuilder {
  readonly index: number;
  readonly envId: string;
  readonly functionName: string;
  readonly version: string;
  readonly initType: InitType;
  readonly createdAt: number;
  goneAt: number | null;
  shutdownReason: string | null;
  readonly spans: TimelineSpan[];
  idleSince: number | null;
  invoke: { start: number; requestId: string; cold: boolean; attempt: number; type: string } | null;
  invokes: number;
  coldInvokes: number;
}

const CHECKPOINTS = 256;
const EMPTY_STATS: LatencyStats = { count: 0, p50: Number.NaN, p90: Number.NaN, p99: Number.NaN };

function span(b: RowBuilder, kind: TimelineSpanKind, startMs: number, endMs: number): TimelineSpan {
  return {
    kind,
    envIndex: b.index,
    startMs,
    endMs,
    open: false,
    part: null,
    model: null,
    suppressed: false,
    requestId: null,
    status: null,
    cold: false,
    attempt: 0,
    note: null,
  };
}

function closeIdle(b: RowBuilder, t: number): void {
  if (b.idleSince !== null && t > b.idleSince) b.spans.push(span(b, 'idle', b.idleSince, t));
  b.idleSince = null;
}

function statsOf(sorted: Float64Array): LatencyStats {
  if (sorted.length === 0) return EMPTY_STATS;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
  };
}

const LAYER: Record<TimelineSpanKind, number> = {
  idle: 0,
  invoke: 0,
  'init-modeled': 1,
  'init-measured': 1,
  shutdown: 2,
};

export interface TimelineOptions {
  /** Draw open spans up to this virtual time (e.g. world.now()); defaults to the last event. */
  readonly untilMs?: number;
}

export function toTimelineModel(events: readonly TraceLike[], options: TimelineOptions = {}): TimelineModel {
  const rows: RowBuilder[] = [];
  const byId = new Map<string, RowBuilder>();
  const throttles: ThrottleMark[] = [];
  const concurrencyChanges: [number, number][] = [];
  const aliveChanges: [number, number][] = [];
  const latencies: number[] = [];
  const latencyEnds: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  let concurrency = 0;
  let alive = 0;
  let errors = 0;
  let invocations = 0;
  const first = events[0];
  let startMs = first ? first.t : 0;
  let lastT = startMs;

  for (const loose of events) {
    lastT = loose.t;
    const e = asKnown(loose);
    switch (e.name) {
      case 'lambda.env.created': {
        const b: RowBuilder = {
          index: rows.length,
          envId: e.envId,
          functionName: e.functionName,
          version: e.version,
          initType: e.initType,
          createdAt: e.t,
          goneAt: null,
          shutdownReason: null,
          spans: [],
          idleSince: null,
          invoke: null,
          invokes: 0,
          coldInvokes: 0,
        };
        rows.push(b);
        byId.set(e.envId, b);
        if (e.t < startMs) startMs = e.t;
        alive++;
        aliveChanges.push([e.t, alive]);
        break;
      }
      case 'lambda.env.init.span': {
        const b = byId.get(e.envId);
        if (!b) break;
        b.spans.push({
          ...span(
            b,
            e.part === 'module' ? 'init-measured' : 'init-modeled',
            e.startMs,
            e.startMs + e.durationMs,
          ),
          part: e.part,
          model: e.model,
          suppressed: e.phase === 'invoke',
        });
        break;
      }
      case 'lambda.env.init.end': {
        const b = byId.get(e.envId);
        if (b && e.phase === 'init') b.idleSince = e.t;
        if (b && e.status !== 'success') errors++;
        break;
      }
      case 'lambda.env.state': {
        const b = byId.get(e.envId);
        if (!b) break;
        // Concurrency counts environments working for a request; provisioned Init runs ahead of traffic.
        const counts = (s: string) =>
          s === 'busy' || (s === 'initializing' && b.initType !== 'provisioned-concurrency');
        const delta = (counts(e.to) ? 1 : 0) - (counts(e.from) ? 1 : 0);
        if (delta !== 0) {
          concurrency += delta;
          concurrencyChanges.push([e.t, concurrency]);
        }
        if (e.to === 'shuttingDown') {
          closeIdle(b, e.t);
          b.shutdownReason = e.reason;
        }
        if (e.to === 'gone') {
          b.goneAt = e.t;
          b.spans.push({ ...span(b, 'shutdown', e.t, e.t), note: e.reason });
          alive--;
          aliveChanges.push([e.t, alive]);
        }
        break;
      }
      case 'lambda.invoke.start': {
        const b = byId.get(e.envId);
        if (!b) break;
        closeIdle(b, e.t);
        b.invoke = {
          start: e.t,
          requestId: e.requestId,
          cold: e.cold,
          attempt: e.attempt,
          type: e.invocationType,
        };
        break;
      }
      case 'lambda.invoke.end': {
        const b = byId.get(e.envId);
        const inv = b?.invoke;
        if (!b || !inv) break;
        b.spans.push({
          ...span(b, 'invoke', inv.start, e.t),
          requestId: inv.requestId,
          status: e.status,
          cold: inv.cold,
          attempt: inv.attempt,
          note: inv.type,
        });
        b.invoke = null;
        b.idleSince = e.t;
        b.invokes++;
        invocations++;
        if (e.status !== 'success') errors++;
        const latency = e.t - (inv.cold ? b.createdAt : inv.start);
        latencies.push(latency);
        latencyEnds.push(e.t);
        if (inv.cold) {
          b.coldInvokes++;
          cold.push(latency);
        } else warm.push(latency);
        break;
      }
      case 'lambda.invoke.throttled':
        throttles.push({
          t: e.t,
          requestId: e.requestId,
          functionName: e.functionName,
          reason: e.reason,
          invocationType: e.invocationType,
        });
        break;
      default:
        // Other events (logs, billing, services) do not change the timeline.
        break;
    }
  }

  const endMs = Math.max(options.untilMs ?? lastT, lastT);
  const built: EnvRow[] = rows.map((b) => finishRow(b, endMs));
  const { latencyTimes, latencyAt } = latencyCheckpoints(latencies, latencyEnds);
  const sortedAll = Float64Array.from(latencies).sort();
  const concurrencySeries = createStepSeries(concurrencyChanges);
  return {
    startMs,
    endMs,
    rows: built,
    rowCreatedAt: Float64Array.from(built, (r) => r.createdAt),
    throttles,
    throttleTimes: Float64Array.from(throttles, (m) => m.t),
    concurrency: concurrencySeries,
    environmentsAlive: createStepSeries(aliveChanges),
    latencyTimes,
    latencyAt,
    summary: {
      environments: built.length,
      invocations,
      coldStarts: cold.length,
      errors,
      throttles: throttles.length,
      maxConcurrency: concurrencySeries.max,
      latency: statsOf(sortedAll),
      coldLatency: statsOf(Float64Array.from(cold).sort()),
      warmLatency: statsOf(Float64Array.from(warm).sort()),
    },
  };
}

function finishRow(b: RowBuilder, endMs: number): EnvRow {
  if (b.invoke) {
    const inv = b.invoke;
    b.spans.push({
      ...span(b, 'invoke', inv.start, Math.max(inv.start, endMs)),
      open: true,
      requestId: inv.requestId,
      cold: inv.cold,
      attempt: inv.attempt,
      note: inv.type,
    });
  } else if (b.goneAt === null && b.idleSince !== null && endMs > b.idleSince) {
    b.spans.push({ ...span(b, 'idle', b.idleSince, endMs), open: true });
  }
  const spans = b.spans.sort((x, y) => x.startMs - y.startMs || LAYER[x.kind] - LAYER[y.kind]);
  let last = b.createdAt;
  const spanMaxEnds = new Float64Array(spans.length);
  spans.forEach((s, i) => {
    if (s.endMs > last) last = s.endMs;
    spanMaxEnds[i] = last;
  });
  const open = b.goneAt === null;
  return {
    index: b.index,
    envId: b.envId,
    functionName: b.functionName,
    version: b.version,
    initType: b.initType,
    createdAt: b.createdAt,
    goneAt: b.goneAt,
    shutdownReason: b.shutdownReason,
    spans,
    spanStarts: Float64Array.from(spans, (s) => s.startMs),
    spanMaxEnds,
    lastChangeMs: open ? Number.POSITIVE_INFINITY : last,
    invokes: b.invokes,
    coldInvokes: b.coldInvokes,
  };
}

/** Cumulative percentiles at up to 256 checkpoints: each merges one sorted chunk, O(n) per checkpoint. */
function latencyCheckpoints(
  latencies: readonly number[],
  ends: readonly number[],
): { latencyTimes: Float64Array; latencyAt: LatencyStats[] } {
  const n = latencies.length;
  const chunk = Math.max(1, Math.ceil(n / CHECKPOINTS));
  const times: number[] = [];
  const stats: LatencyStats[] = [];
  let sorted: Float64Array = new Float64Array(0);
  for (let i = 0; i < n; i += chunk) {
    const j = Math.min(n, i + chunk);
    sorted = mergeSorted(sorted, Float64Array.from(latencies.slice(i, j)).sort());
    times.push(ends[j - 1]!);
    stats.push(statsOf(sorted));
  }
  return { latencyTimes: Float64Array.from(times), latencyAt: stats };
}

/** What changes with time alone, found by binary search: cheap enough for every animation frame. */
export function timelineFrameAt(model: TimelineModel, t: number): TimelineFrame {
  const li = upperBound(model.latencyTimes, t) - 1;
  return {
    t,
    concurrency: stepAt(model.concurrency, t),
    environmentsAlive: stepAt(model.environmentsAlive, t),
    rowCount: upperBound(model.rowCreatedAt, t),
    throttleCount: upperBound(model.throttleTimes, t),
    latency: li < 0 ? EMPTY_STATS : model.latencyAt[li]!,
  };
}

export type EnvStateAt = 'not-yet' | 'init' | 'invoke' | 'idle' | 'gone';

/** The row's activity at t, by binary search over its spans. */
export function rowStateAt(row: EnvRow, t: number): EnvStateAt {
  if (t < row.createdAt) return 'not-yet';
  if (row.goneAt !== null && t >= row.goneAt) return 'gone';
  const i = upperBound(row.spanStarts, t) - 1;
  // Look back over spans that started together (an invoke and its suppressed Init).
  for (let k = i; k >= 0 && k >= i - 2; k--) {
    const s = row.spans[k]!;
    if (s.startMs <= t && t < s.endMs) {
      if (s.kind === 'invoke') return 'invoke';
      if (s.kind === 'idle') return 'idle';
      if (s.kind === 'init-modeled' || s.kind === 'init-measured') return s.suppressed ? 'invoke' : 'init';
    }
  }
  return i < 0 ? 'init' : 'idle';
}

/** The spans of a row that overlap [fromMs, toMs], found by two binary searches. */
export function spansInWindow(row: EnvRow, fromMs: number, toMs: number): readonly TimelineSpan[] {
  const lo = lowerBound(row.spanMaxEnds, fromMs);
  const hi = upperBound(row.spanStarts, toMs);
  if (lo === 0 && hi === row.spans.length) return row.spans;
  const out: TimelineSpan[] = [];
  for (let i = lo; i < hi; i++) if (row.spans[i]!.endMs >= fromMs) out.push(row.spans[i]!);
  return out;
}
