import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE } from '../../sim/testWorld';
import { createTestLabFactory } from '../testing/testLab';
import { runWhatIf, type WhatIfConfig } from './whatIf';

const fn = {
  functionName: 'api',
  role: DEFAULT_ROLE,
  handler: 'lambda_function.lambda_handler',
  code: { files: { 'lambda_function.py': 'def lambda_handler(e, c):\n    return 1\n' } },
};
const base: WhatIfConfig = {
  label: 'A',
  memoryMb: 512,
  provisionedConcurrency: 0,
  packageSizeMb: 1,
  runtime: 'python3.13',
  vpc: false,
  snapStart: false,
};
// Two bursts of three concurrent requests, 2 s apart.
const traffic = { arrivalsMs: [0, 0, 0, 2000, 2000, 2000], tailMs: 3000 };
const lab = createTestLabFactory({ invoke: { sleepMs: 300 } });

describe('runWhatIf', () => {
  it('removes cold starts with provisioned concurrency on the same traffic', async () => {
    const r = await runWhatIf({
      createLab: lab,
      fn,
      traffic,
      a: base,
      b: { ...base, label: 'B', provisionedConcurrency: 3 },
    });
    expect(r.a.error).toBeNull();
    expect(r.b.error).toBeNull();
    expect(r.a.timeline!.summary).toMatchObject({ invocations: 6, coldStarts: 3 });
    expect(r.b.timeline!.summary).toMatchObject({ invocations: 6, coldStarts: 0 });
    expect(r.b.timeline!.rows.every((row) => row.initType === 'provisioned-concurrency')).toBe(true);
    expect(r.b.timeline!.summary.latency.p99).toBeLessThan(r.a.timeline!.summary.latency.p99);
    expect(r.a.trafficStartMs).toBe(r.b.trafficStartMs);
    expect(r.startMs).toBeLessThanOrEqual(r.a.timeline!.startMs);
    expect(r.endMs).toBeGreaterThanOrEqual(r.b.timeline!.endMs);
  });

  it('shows package size and VPC as longer modeled Init parts', async () => {
    const r = await runWhatIf({
      createLab: lab,
      fn,
      traffic: { arrivalsMs: [0] },
      a: base,
      b: { ...base, label: 'B', packageSizeMb: 50, vpc: true },
    });
    const parts = (side: typeof r.a) =>
      side
        .timeline!.rows[0]!.spans.filter((s) => s.kind === 'init-modeled')
        .map((s) => [s.part, s.endMs - s.startMs]);
    expect(parts(r.b)).toEqual(
      expect.arrayContaining([
        ['package', 300],
        ['vpc', 25],
      ]),
    );
    expect(parts(r.a).some(([p]) => p === 'vpc')).toBe(false);
    expect(r.b.timeline!.summary.coldLatency.p50).toBeGreaterThan(
      r.a.timeline!.summary.coldLatency.p50 + 300,
    );
  });

  it('replaces Init with a restore under SnapStart and compares memory by billed GB-s', async () => {
    const r = await runWhatIf({
      createLab: lab,
      fn,
      traffic: { arrivalsMs: [0] },
      a: { ...base, memoryMb: 1024 },
      b: { ...base, label: 'B', snapStart: true, runtime: 'python3.12' },
    });
    // The first row is the snapshot's own Init at publish; the request's environment restores it.
    const [snapshot, restored] = r.b.timeline!.rows;
    expect(snapshot!.spans.find((s) => s.kind === 'init-modeled')?.part).toBe('runtime');
    expect(restored!.initType).toBe('snap-start');
    expect(restored!.spans.find((s) => s.kind === 'init-modeled')?.part).toBe('restore');
    expect(r.a.gbSeconds).toBeGreaterThan(r.b.gbSeconds);
  });

  it('compares on-demand, SnapStart and provisioned concurrency on the same traffic, with modeled costs', async () => {
    // Init does 800 ms of module work; a restore replays it off the clock and reports only its hooks.
    const slowInit = createTestLabFactory({
      init: (_r, env) => ({ cpuMs: env.snapStart?.restore ? 2 : 800 }),
      invoke: { sleepMs: 300 },
    });
    const py = { ...base, runtime: 'python3.12' };
    const r = await runWhatIf({
      createLab: slowInit,
      fn,
      traffic,
      a: py,
      b: { ...py, label: 'B', snapStart: true },
      c: { ...py, label: 'C', provisionedConcurrency: 3 },
    });
    const [a, b, c] = [r.a, r.b, r.c!];
    expect([a.error, b.error, c.error]).toEqual([null, null, null]);
    // The same moment: every side's traffic starts after the same warm-up (the snapshot, the PC Inits).
    expect(new Set([a.trafficStartMs, b.trafficStartMs, c.trafficStartMs]).size).toBe(1);
    expect(a.timeline!.summary.coldStarts).toBe(3);
    expect(b.timeline!.summary.coldStarts).toBe(3);
    expect(c.timeline!.summary.coldStarts).toBe(0);
    const p50 = (s: typeof a) => s.timeline!.summary.coldLatency.p50;
    expect(p50(b)).toBeLessThan(p50(a) - 500);
    expect(c.timeline!.summary.latency.p99).toBeLessThan(b.timeline!.summary.latency.p99);
    // SnapStart and PC cost more than on-demand for this little traffic (3-hour cache, 5-minute PC minimum).
    expect(a.costApproximate).toBe(false);
    expect(b.costApproximate && c.costApproximate).toBe(true);
    expect(b.costUsd).toBeGreaterThan(a.costUsd);
    expect(c.costUsd).toBeGreaterThan(a.costUsd);
    expect(r.startMs).toBeLessThanOrEqual(c.timeline!.startMs);
  });

  it('reports a configuration the world refuses', async () => {
    const r = await runWhatIf({ createLab: lab, fn, traffic, a: base, b: { ...base, memoryMb: 64 } });
    expect(r.b.timeline).toBeNull();
    expect(r.b.error).toMatch(/memorySize|MemorySize|128/);
  });
});
