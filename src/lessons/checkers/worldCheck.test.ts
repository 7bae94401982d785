import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { checkLatency, latencies } from './worldCheck';

const p99 = (belowMs: number) => ({ that: 'latency', function: 'search', percentile: 99, belowMs }) as const;

function tracedInvokes(n: number) {
  const t = createTestWorld().createFunction({ functionName: 'search' });
  for (let i = 0; i < n; i++) t.invoke({ functionName: 'search' }).advanceBy(1000);
  return t.world.trace.events;
}

describe('latency checks', () => {
  it('fail when nothing was invoked, saying so', () => {
    const failures = checkLatency(tracedInvokes(0), p99(200));
    expect(failures).toEqual([
      {
        code: 'latency:search:none',
        message: 'p99 latency of search: no invokes to measure (the actions never invoked it).',
      },
    ]);
  });

  it('pass below the target and fail above it, measured over every invoke', () => {
    const trace = tracedInvokes(3);
    const slowest = Math.max(...latencies(trace, 'search'));
    expect(latencies(trace, 'search')).toHaveLength(3);
    expect(checkLatency(trace, p99(slowest + 1))).toEqual([]);
    const [failure] = checkLatency(trace, p99(slowest));
    expect(failure?.code).toBe('latency:search:p99');
  });
});
