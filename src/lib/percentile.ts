/**
 * The one percentile: nearest rank over ascending values, p in 0..100. An empty list has no percentile,
 * so it gives null and each caller says what that means (a check fails, a chart leaves a gap).
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? null;
}

/** Ascending copy, for callers holding values in arrival order. */
export const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);
