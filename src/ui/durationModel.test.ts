import { describe, expect, it } from 'vitest';
import { explainDuration } from './durationModel';

const model = { work: 'measured', runtimeMs: 0 } as const;

describe('explainDuration', () => {
  it('shows the work and how it was obtained, the memory scale, the waits and the runtime', () => {
    expect(
      explainDuration(2.58, { ...model, workMs: 0.1, cpuScale: 13.8203125, waitMs: 0, runtimeMs: 1.2 }, 128),
    ).toBe(
      '2.58 ms = 0.10 ms of work on one vCPU (measured here, calibrated) × 13.8 at 128 MB + 1.20 ms Lambda runtime (modeled)',
    );
    expect(
      explainDuration(1505.2, { ...model, workMs: 0.2, cpuScale: 1, waitMs: 1505, work: 'counted' }, 1769),
    ).toBe(
      '1505.20 ms = 0.20 ms of work on one vCPU (counted, the same on any machine) × 1.0 at 1,769 MB + 1505.00 ms waiting (time.sleep, AWS calls) (modeled)',
    );
  });

  it('says when a measured figure was load-corrected by an estimate (a browser)', () => {
    expect(
      explainDuration(20, { ...model, workMs: 20, cpuScale: 1, waitMs: 0, loadShare: 0.625 }, 1769),
    ).toBe(
      '20.00 ms = 20.00 ms of work on one vCPU (measured here, calibrated, load-corrected (estimated: 63% of a core)) × 1.0 at 1,769 MB (modeled)',
    );
  });

  it('says when the timeout decided the Duration', () => {
    expect(explainDuration(3000, { ...model, workMs: null, cpuScale: 13.8, waitMs: 0 }, 128)).toBe(
      '3000.00 ms: the handler was stopped before it finished (a timeout), so the limit is the Duration (modeled)',
    );
  });
});
