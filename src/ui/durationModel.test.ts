import { describe, expect, it } from 'vitest';
import { explainDuration } from './durationModel';

describe('explainDuration', () => {
  it('shows the work, the memory scale and the waits', () => {
    expect(explainDuration(1.38, { workMs: 0.1, cpuScale: 13.8203125, waitMs: 0 }, 128)).toBe(
      '1.38 ms = 0.10 ms of work on one vCPU × 13.8 at 128 MB (modeled)',
    );
    expect(explainDuration(1505.2, { workMs: 0.2, cpuScale: 1, waitMs: 1505 }, 1769)).toBe(
      '1505.20 ms = 0.20 ms of work on one vCPU × 1.0 at 1,769 MB + 1505.00 ms waiting (time.sleep, AWS calls) (modeled)',
    );
  });

  it('says when the timeout decided the Duration', () => {
    expect(explainDuration(3000, { workMs: null, cpuScale: 13.8, waitMs: 0 }, 128)).toBe(
      '3000.00 ms: the handler was stopped before it finished (a timeout), so the limit is the Duration (modeled)',
    );
  });
});
