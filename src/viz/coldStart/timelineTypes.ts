/** The cold-start timeline's view model: rows, spans, marks, series and per-frame values. */
import type { InitPart, InitType, InvokeStatus } from '../../sim';
import type { StepSeries } from '../trace/search';

/** `wait`: inside an invoke, the handler blocked on a synchronous invoke of another function (still billed). */
export type TimelineSpanKind = 'init-modeled' | 'init-measured' | 'invoke' | 'wait' | 'idle' | 'shutdown';

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

export const EMPTY_STATS: LatencyStats = { count: 0, p50: Number.NaN, p90: Number.NaN, p99: Number.NaN };
