/**
 * The cold-start timeline as a projection of the trace: one row per execution environment with its Init
 * parts (modeled platform parts, measured module code), invokes, idle gaps and shutdown; throttles; a
 * concurrency line and latency percentiles. Built once in one pass; frames are then binary searches.
 */
import type { InitType } from '../../sim';
import { asKnown, type TraceLike } from '../trace/looseEvents';
import { createStepSeries } from '../trace/search';
import { latencyCheckpoints, statsOf } from './latency';
import type { EnvRow, ThrottleMark, TimelineModel, TimelineSpan, TimelineSpanKind } from './timelineTypes';

export type { EnvStateAt } from './timelineFrame';
export { rowStateAt, spanRange, spansInWindow, timelineFrameAt } from './timelineFrame';
export * from './timelineTypes';

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

type SpanExtra = Partial<Omit<TimelineSpan, 'kind' | 'envIndex' | 'startMs' | 'endMs'>>;

/** Every span has the same fields in the same order: one hidden class keeps per-frame reads fast. */
function span(
  b: RowBuilder,
  kind: TimelineSpanKind,
  startMs: number,
  endMs: number,
  x: SpanExtra = {},
): TimelineSpan {
  return {
    kind,
    envIndex: b.index,
    startMs,
    endMs,
    open: x.open ?? false,
    part: x.part ?? null,
    model: x.model ?? null,
    suppressed: x.suppressed ?? false,
    requestId: x.requestId ?? null,
    status: x.status ?? null,
    cold: x.cold ?? false,
    attempt: x.attempt ?? 0,
    note: x.note ?? null,
  };
}

function closeIdle(b: RowBuilder, t: number): void {
  if (b.idleSince !== null && t > b.idleSince) b.spans.push(span(b, 'idle', b.idleSince, t));
  b.idleSince = null;
}

const LAYER: Record<TimelineSpanKind, number> = {
  idle: 0,
  invoke: 0,
  'init-modeled': 1,
  'init-measured': 1,
  wait: 1,
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
  // Handlers waiting on a synchronous invoke, by request id, since when.
  const parked = new Map<string, { b: RowBuilder; t: number }>();
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
        b.spans.push(
          span(
            b,
            e.part === 'module' ? 'init-measured' : 'init-modeled',
            e.startMs,
            e.startMs + e.durationMs,
            { part: e.part, model: e.model, suppressed: e.phase === 'invoke' },
          ),
        );
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
          b.spans.push(span(b, 'shutdown', e.t, e.t, { note: e.reason }));
          alive--;
          aliveChanges.push([e.t, alive]);
        }
        break;
      }
      case 'lambda.invoke.parked': {
        const b = rows.find((r) => r.invoke?.requestId === e.requestId);
        if (b) parked.set(e.requestId, { b, t: e.t });
        break;
      }
      case 'lambda.invoke.resumed': {
        const p = parked.get(e.requestId);
        if (!p) break;
        parked.delete(e.requestId);
        p.b.spans.push(span(p.b, 'wait', p.t, e.t, { requestId: e.requestId, note: 'synchronous invoke' }));
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
        b.spans.push(
          span(b, 'invoke', inv.start, e.t, {
            requestId: inv.requestId,
            status: e.status,
            cold: inv.cold,
            attempt: inv.attempt,
            note: inv.type,
          }),
        );
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
    b.spans.push(
      span(b, 'invoke', inv.start, Math.max(inv.start, endMs), {
        open: true,
        requestId: inv.requestId,
        cold: inv.cold,
        attempt: inv.attempt,
        note: inv.type,
      }),
    );
  } else if (b.goneAt === null && b.idleSince !== null && endMs > b.idleSince) {
    b.spans.push(span(b, 'idle', b.idleSince, endMs, { open: true }));
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
