/** Per-frame reads of a built timeline: everything here is a binary search, never a scan. */
import { lowerBound, stepAt, upperBound } from '../trace/search';
import {
  EMPTY_STATS,
  type EnvRow,
  type TimelineFrame,
  type TimelineModel,
  type TimelineSpan,
} from './timelineTypes';

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

/** Index range [lo, hi) of a row's spans that may overlap [fromMs, toMs]; no allocation (check endMs). */
export function spanRange(row: EnvRow, fromMs: number, toMs: number): readonly [number, number] {
  return [lowerBound(row.spanMaxEnds, fromMs), upperBound(row.spanStarts, toMs)];
}

/** The spans of a row that overlap [fromMs, toMs], found by two binary searches. */
export function spansInWindow(row: EnvRow, fromMs: number, toMs: number): readonly TimelineSpan[] {
  const [lo, hi] = spanRange(row, fromMs, toMs);
  if (lo === 0 && hi === row.spans.length) return row.spans;
  const out: TimelineSpan[] = [];
  for (let i = lo; i < hi; i++) if (row.spans[i]!.endMs >= fromMs) out.push(row.spans[i]!);
  return out;
}
