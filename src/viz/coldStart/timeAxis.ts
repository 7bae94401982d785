/**
 * The timeline's time axis with idle gaps compressed: a stretch where no environment works (no Init,
 * invoke, wait, shutdown or throttle) longer than `minGapMs` becomes a short marked break labelled with
 * its real length. Pure: a projection of the built model, then a piecewise-linear scale over it.
 */
import { formatDuration } from '../common/format';
import type { TimeScale } from '../common/scale';
import type { TimelineModel } from './timelineTypes';

export interface IdleGap {
  readonly startMs: number;
  readonly endMs: number;
  /** "15 min 0 s idle": the real length, for the break's label. */
  readonly label: string;
}

export interface GapOptions {
  readonly fromMs?: number;
  readonly toMs?: number;
  /** Shorter quiet stretches are drawn to scale (default 60 s: between two quick Tests nothing folds). */
  readonly minGapMs?: number;
}

export const DEFAULT_MIN_GAP_MS = 60_000;

/** Quiet stretches inside [fromMs, toMs] where nothing but idling happens, ascending. */
export function idleGaps(model: TimelineModel, options: GapOptions = {}): IdleGap[] {
  const fromMs = options.fromMs ?? model.startMs;
  const toMs = options.toMs ?? model.endMs;
  const minGap = options.minGapMs ?? DEFAULT_MIN_GAP_MS;
  const busy: [number, number][] = [];
  for (const row of model.rows) {
    busy.push([row.createdAt, row.createdAt]);
    for (const s of row.spans) if (s.kind !== 'idle') busy.push([s.startMs, s.endMs]);
  }
  for (const m of model.throttles) busy.push([m.t, m.t]);
  busy.sort((a, b) => a[0] - b[0]);
  // Quiet stretches, each with whether the busy block after it is only a moment (a shutdown, a throttle).
  const quiet: { start: number; end: number; pointAfter: boolean }[] = [];
  let reach = fromMs;
  let blockStart = fromMs;
  for (const [start, end] of busy) {
    if (end < fromMs) continue;
    if (start > toMs) break;
    if (start > reach) {
      const last = quiet[quiet.length - 1];
      if (last) last.pointAfter = reach === blockStart;
      quiet.push({ start: reach, end: start, pointAfter: false });
      blockStart = start;
    }
    if (end > reach) reach = end;
  }
  // A quiet tail (the clock moved on with nothing after it) folds too.
  if (toMs > reach) {
    const last = quiet[quiet.length - 1];
    if (last) last.pointAfter = reach === blockStart;
    quiet.push({ start: reach, end: toMs, pointAfter: false });
  }
  const long = quiet.map((q) => q.end - q.start > minGap);
  // A shutdown inside a long quiet time splits it: its shorter side folds too when over NEAR_GAP_MS.
  const fold = quiet.map(
    (q, i) =>
      long[i] ||
      (q.end - q.start > NEAR_GAP_MS &&
        ((i > 0 && long[i - 1] && quiet[i - 1]!.pointAfter) || (long[i + 1] === true && q.pointAfter))),
  );
  return quiet
    .filter((_, i) => fold[i])
    .map((q) => ({ startMs: q.start, endMs: q.end, label: `${formatDuration(q.end - q.start)} idle` }));
}

/** Quiet time this long folds when it only borders a longer fold across a moment (e.g. a shutdown). */
export const NEAR_GAP_MS = 5000;

export interface BrokenScale extends TimeScale {
  /** Breaks at least partly in view, with their drawn x and width. */
  readonly breaks: readonly (IdleGap & { readonly x: number; readonly w: number })[];
  /** Length of the whole axis in pixels at zoom 1 (= width). */
  readonly fullWidth: number;
  /** Virtual time at pixel x (the inverse of xOf inside the body). */
  msOf(x: number): number;
}

/** The visible part of the axis as fractions [0, 1] of its full length: zoom and pan move this. */
export interface AxisView {
  readonly u0: number;
  readonly u1: number;
}

export const FULL_VIEW: AxisView = { u0: 0, u1: 1 };

/** Pixels a break takes at zoom 1: short but wide enough for a mark (narrow columns get less). */
export const breakWidthFor = (width: number) => Math.max(16, Math.min(48, width * 0.06));

/**
 * A piecewise-linear scale over [fromMs, toMs] where each gap takes a fixed share of the axis and the rest
 * is shared by active time in proportion to its length; `view` picks the visible part of it.
 */
export function createBrokenScale(
  fromMs: number,
  toMs: number,
  gaps: readonly IdleGap[],
  x0: number,
  width: number,
  view: AxisView = FULL_VIEW,
): BrokenScale {
  const inRange = gaps.filter((g) => g.endMs > fromMs && g.startMs < toMs);
  const total = Math.max(1e-9, toMs - fromMs);
  const gapMs = inRange.reduce((sum, g) => sum + (Math.min(g.endMs, toMs) - Math.max(g.startMs, fromMs)), 0);
  const activeMs = Math.max(1e-9, total - gapMs);
  // Breaks never take more than half the axis, however many there are.
  const breakU = inRange.length === 0 ? 0 : Math.min(breakWidthFor(width) / width, 0.5 / inRange.length);
  const activeU = 1 - breakU * inRange.length;
  // Knots: (ms, u) pairs, ascending in both.
  const ms: number[] = [fromMs];
  const us: number[] = [0];
  let u = 0;
  let at = fromMs;
  for (const g of inRange) {
    const s = Math.max(g.startMs, fromMs);
    const e = Math.min(g.endMs, toMs);
    u += ((s - at) / activeMs) * activeU;
    ms.push(s);
    us.push(u);
    u += breakU;
    ms.push(e);
    us.push(u);
    at = e;
  }
  ms.push(toMs);
  us.push(inRange.length === 0 ? 1 : u + ((toMs - at) / activeMs) * activeU);
  const uOf = (t: number) => interpolate(ms, us, t);
  const msOfU = (x: number) => interpolate(us, ms, x);
  const span = Math.max(1e-9, view.u1 - view.u0);
  const xOfU = (x: number) => x0 + ((x - view.u0) / span) * width;
  const breaks = inRange
    .map((g) => {
      const x = xOfU(uOf(Math.max(g.startMs, fromMs)));
      return { ...g, x, w: xOfU(uOf(Math.min(g.endMs, toMs))) - x };
    })
    .filter((b) => b.x + b.w > x0 && b.x < x0 + width);
  return {
    fromMs: msOfU(view.u0),
    toMs: msOfU(view.u1),
    x0,
    width,
    fullWidth: width,
    breaks,
    xOf: (t) => xOfU(uOf(t)),
    msOf: (x) => msOfU(view.u0 + ((x - x0) / width) * span),
  };
}

/** Linear interpolation through ascending knots xs -> ys, clamped at both ends. */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const n = xs.length;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[n - 1]!) return ys[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const dx = xs[hi]! - xs[lo]!;
  return dx <= 0 ? ys[hi]! : ys[lo]! + ((x - xs[lo]!) / dx) * (ys[hi]! - ys[lo]!);
}

/** Tick times: round times inside each visible stretch of active time, about one per `spacingPx`. */
export function brokenTicks(scale: BrokenScale, spacingPx = 90): number[] {
  const edges: [number, number][] = [];
  let at = scale.fromMs;
  for (const b of scale.breaks) {
    if (b.startMs > at) edges.push([at, Math.min(b.startMs, scale.toMs)]);
    at = Math.max(at, b.endMs);
  }
  if (scale.toMs > at) edges.push([at, scale.toMs]);
  const out: number[] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  for (const [a, b] of edges) {
    const px = scale.xOf(b) - scale.xOf(a);
    const n = Math.max(1, Math.floor(px / spacingPx));
    const step = roundStep((b - a) / n);
    for (let t = Math.ceil(a / step) * step; t <= b + 1e-9; t += step) {
      const x = scale.xOf(t);
      if (x - lastX >= spacingPx * 0.6) {
        out.push(t);
        lastX = x;
      }
    }
  }
  return out;
}

function roundStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}
