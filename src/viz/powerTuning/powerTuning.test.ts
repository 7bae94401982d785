import { describe, expect, it } from 'vitest';
import { limits } from '../../sim';
import { DEFAULT_ROLE } from '../../sim/testWorld';
import { createTestLabFactory } from '../testing/testLab';
import { runPowerTuning } from './powerTuning';

const fn = {
  functionName: 'tune',
  role: DEFAULT_ROLE,
  runtime: 'python3.13',
  handler: 'lambda_function.lambda_handler',
  code: { files: { 'lambda_function.py': 'def lambda_handler(e, c):\n    return 1\n' } },
};

describe('runPowerTuning', () => {
  it('scales CPU-bound duration with memory up to one vCPU and marks the cheapest and the fastest', async () => {
    const r = await runPowerTuning({
      createLab: createTestLabFactory({ invoke: { cpuMs: 100 } }),
      fn,
      memorySizes: [128, 512, 1769, 3008],
      invocations: 5,
    });
    expect(r.points.map((p) => p.invocations)).toEqual([5, 5, 5, 5]);
    const d = r.points.map((p) => Math.round(p.avgDurationMs));
    // 1,769 MB is one vCPU; a single Python thread gains nothing above it.
    expect(d).toEqual([Math.round((100 * 1769) / 128), Math.round((100 * 1769) / 512), 100, 100]);
    expect(r.fastestMb).toBe(1769);
    // Below one vCPU, GB-s stays about equal, so billed-ms rounding decides; above, cost only grows.
    expect(r.cheapestMb).not.toBe(3008);
    const at3008 = r.points[3]!;
    expect(at3008.avgCostUsd).toBeCloseTo(
      0.1 * (3008 / 1024) * limits.PRICE_GB_S_X86_USD + limits.PRICE_PER_REQUEST_USD,
      12,
    );
    expect(r.points.every((p) => p.coldInitMs !== null)).toBe(true);
  });

  it('makes the smallest memory the cheapest when the handler mostly waits on I/O', async () => {
    const r = await runPowerTuning({
      createLab: createTestLabFactory({ invoke: { cpuMs: 1, sleepMs: 200 } }),
      fn,
      memorySizes: [128, 1024, 2048],
      invocations: 3,
    });
    expect(r.cheapestMb).toBe(128);
    expect(r.fastestMb).toBe(2048);
    expect(r.failures).toEqual([]);
  });

  it('reports a memory size the world refuses instead of a point', async () => {
    const r = await runPowerTuning({
      createLab: createTestLabFactory(),
      fn,
      memorySizes: [64, 256],
      invocations: 1,
    });
    expect(r.points.map((p) => p.memoryMb)).toEqual([256]);
    expect(r.failures[0]).toMatchObject({ memoryMb: 64 });
  });

  it('leaves sizes whose invocations failed out of the marks', async () => {
    const boom = {
      outcome: {
        status: 'error',
        error: { errorMessage: 'x', errorType: 'E', requestId: '', stackTrace: [] },
      },
    } as const;
    const r = await runPowerTuning({
      createLab: createTestLabFactory({ invoke: boom }),
      fn,
      memorySizes: [128],
      invocations: 2,
    });
    expect(r.points[0]!.errors).toBe(2);
    expect(r.cheapestMb).toBeNull();
  });
});

describe('runPowerTuning averages', () => {
  it('leaves the slowest and fastest 20 % out, as the Power Tuning tool does', async () => {
    // The cold request, then ten warm ones: eight of 10 ms of CPU, one stalled at 1,000 ms, one at 1 ms.
    const cpu = [5, 10, 10, 1000, 10, 10, 1, 10, 10, 10, 10];
    let i = 0;
    const lab = createTestLabFactory({ invoke: () => ({ cpuMs: cpu[i++]! }) });
    // Each memory size's lab replays the same sequence from the start.
    const fresh = () => {
      i = 0;
      return lab();
    };
    const r = await runPowerTuning({
      createLab: fresh,
      fn,
      memorySizes: [1769],
      invocations: 10,
    });
    expect(r.points[0]!.invocations).toBe(10);
    expect(r.points[0]!.avgDurationMs).toBeCloseTo(10, 5);
    const raw = await runPowerTuning({
      createLab: fresh,
      fn,
      memorySizes: [1769],
      invocations: 10,
      discardTopBottom: 0,
    });
    expect(raw.points[0]!.avgDurationMs).toBeCloseTo((8 * 10 + 1000 + 1) / 10, 5);
  });
});
