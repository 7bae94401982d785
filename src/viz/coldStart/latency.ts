/** Latency percentiles: overall, and cumulative at checkpoints so a frame reads them by binary search. */
import { percentile } from '../../lib/percentile';
import { mergeSorted } from '../trace/search';
import { EMPTY_STATS, type LatencyStats } from './timelineTypes';

const CHECKPOINTS = 256;

export function statsOf(sorted: Float64Array): LatencyStats {
  if (sorted.length === 0) return EMPTY_STATS;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50) ?? Number.NaN,
    p90: percentile(sorted, 90) ?? Number.NaN,
    p99: percentile(sorted, 99) ?? Number.NaN,
  };
}

/** Cumulative percentiles at up to 256 checkpoints: each merges one sorted chunk, O(n) per checkpoint. */
export function latencyCheckpoints(
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
