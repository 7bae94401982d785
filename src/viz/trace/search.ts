/** Binary searches and step series: what keeps a frame at time t cheap once a model is built. */

/** Index of the first element whose key is > x (keys ascending); 0..length. */
export function upperBound(keys: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element whose key is >= x (keys ascending). */
export function lowerBound(keys: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A right-continuous step function: value[i] holds from times[i] until times[i + 1]. */
export interface StepSeries {
  readonly times: Float64Array;
  readonly values: Float64Array;
  readonly max: number;
}

/** Builds a step series from (time, value) changes in time order; equal times keep the last value. */
export function createStepSeries(changes: readonly (readonly [number, number])[]): StepSeries {
  const times: number[] = [];
  const values: number[] = [];
  let max = 0;
  for (const [t, v] of changes) {
    if (times.length > 0 && times[times.length - 1] === t) values[values.length - 1] = v;
    else {
      times.push(t);
      values.push(v);
    }
  }
  for (const v of values) if (v > max) max = v;
  return { times: Float64Array.from(times), values: Float64Array.from(values), max };
}

export function stepAt(series: StepSeries, t: number): number {
  const i = upperBound(series.times, t) - 1;
  return i < 0 ? 0 : series.values[i]!;
}

/** Merges two ascending arrays into a new ascending Float64Array. */
export function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Intervals sorted by start, with a prefix maximum of ends: the active ones at t in O(log n + k). */
export interface IntervalIndex {
  readonly starts: Float64Array;
  readonly maxEnds: Float64Array;
}

export function createIntervalIndex(starts: ArrayLike<number>, ends: ArrayLike<number>): IntervalIndex {
  const maxEnds = new Float64Array(starts.length);
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < starts.length; i++) {
    if (ends[i]! > m) m = ends[i]!;
    maxEnds[i] = m;
  }
  return { starts: Float64Array.from(starts), maxEnds };
}

/** Candidate indices [lo, hi) that may be active at t (end > t - pad); callers filter exactly. */
export function candidatesAt(index: IntervalIndex, t: number, pad = 0): readonly [number, number] {
  return [upperBound(index.maxEnds, t - pad), upperBound(index.starts, t)];
}
