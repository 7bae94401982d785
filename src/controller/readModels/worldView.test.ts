import { describe, expect, it } from 'vitest';
import { limits } from '../../sim';
import { createConsoleTestLab, failing } from '../console/consoleFixture';
import { billView, MAX_POINTS, metricsView } from './worldView';

describe('metricsView', () => {
  it('counts invocations, errors and throttles, with duration percentiles and peak concurrency per period', async () => {
    const t = createConsoleTestLab({
      functions: {
        f: {
          invoke: [
            { cpuMs: 0, sleepMs: 100 },
            { cpuMs: 0, sleepMs: 200 },
            { cpuMs: 0, sleepMs: 300 },
          ],
        },
        bad: { invoke: failing() },
      },
    });
    await t.addFunction('f');
    await t.addFunction('bad');
    await t.addFunction('idle');
    await t.runner.invokeAll([1, 2, 3].map(() => ({ functionName: 'f', payloadJson: '{}' })));
    await t.runner.invoke({ functionName: 'bad', payloadJson: '{}' });
    await t.runner.invoke({ functionName: 'bad', payloadJson: '{}' });
    await t.runner.command((w) => w.putFunctionConcurrency('idle', 0));
    await t.runner.invoke({ functionName: 'idle', payloadJson: '{}' });
    const now = t.lab.world.now();
    const events = t.lab.world.trace.events;

    const f = metricsView(events, { functionName: 'f', nowMs: now });
    expect(f.periodMs).toBe(1000);
    expect(f.totals).toEqual({ invocations: 3, errors: 0, throttles: 0, maxConcurrency: 3 });
    const i = f.invocations.findIndex((n) => n > 0);
    expect(f.durationP50[i]).toBe(200);
    expect(f.durationP99[i]).toBe(300);
    expect(f.concurrency[i]).toBe(3);
    expect(f.durationP50.filter((d) => d !== null)).toHaveLength(f.invocations.filter((n) => n > 0).length);

    expect(metricsView(events, { functionName: 'bad', nowMs: now }).totals).toMatchObject({
      invocations: 2,
      errors: 2,
    });
    expect(metricsView(events, { functionName: 'idle', nowMs: now }).totals).toMatchObject({
      invocations: 0,
      throttles: 1,
      maxConcurrency: 0,
    });
    expect(metricsView(events, { nowMs: now }).totals).toEqual({
      invocations: 5,
      errors: 2,
      throttles: 1,
      maxConcurrency: 3,
    });
  });

  it('widens the period as virtual time grows, keeping the chart to about 60 points', async () => {
    const t = createConsoleTestLab();
    await t.addFunction('f');
    await t.runner.invoke({ functionName: 'f', payloadJson: '{}' });
    await t.advance(3 * 3_600_000);
    await t.runner.invoke({ functionName: 'f', payloadJson: '{}' });
    const m = metricsView(t.lab.world.trace.events, { nowMs: t.lab.world.now() });
    expect(m.periodMs).toBe(300_000);
    expect(m.times.length).toBeLessThanOrEqual(MAX_POINTS + 1);
    expect(m.invocations.reduce((a, b) => a + b, 0)).toBe(2);
    expect(m.times[1]! - m.times[0]!).toBe(m.periodMs);
  });

  it('is empty before anything was invoked', () => {
    const t = createConsoleTestLab();
    expect(metricsView(t.lab.world.trace.events, { nowMs: t.lab.world.now() }).times).toEqual([]);
  });
});

describe('billView', () => {
  it('charges nothing inside the 400,000 GB-s free tier and the facts price beyond it', async () => {
    // 10,240 MB for 800 s is 8,000 GB-s a warm invocation; the cold first one also bills its Init (facts
    // §8, after 2025-08-01), so the 50th invocation is the one that takes the total past 400,000 GB-s.
    const t = createConsoleTestLab({ invoke: { cpuMs: 0, sleepMs: 800_000 } });
    await t.addFunction('heavy', { memoryMb: 10_240, timeoutS: 900 });
    let crossedAt = 0;
    for (let n = 1; n <= 55 && crossedAt === 0; n++) {
      await t.runner.invoke({ functionName: 'heavy', payloadJson: '{}' });
      const b = billView(t.lab);
      if (b.gbSeconds.used <= limits.FREE_TIER_GB_S) {
        expect(b.bill.computeCostUsd).toBe(0);
        expect(b.gbSeconds.beyond).toBe(0);
      } else crossedAt = n;
    }
    expect(crossedAt).toBe(50);
    const charges = t.lab.world.trace.events.flatMap((e) => (e.name === 'billing.charge' ? [e] : []));
    expect(charges[1]).toMatchObject({ billedDurationMs: 800_000, gbSeconds: 8_000 });
    expect(charges[0]!.billedDurationMs).toBeGreaterThan(800_000);
    const b = billView(t.lab);
    expect(b.gbSeconds.free).toBe(400_000);
    expect(b.gbSeconds.beyond).toBeCloseTo(b.gbSeconds.used - 400_000, 6);
    expect(b.bill.computeCostUsd).toBeCloseTo(b.gbSeconds.beyond * 0.0000166667, 12);
    // 50 requests are far inside the 1M free requests.
    expect(b.requests).toEqual({ used: 50, free: 1_000_000, beyond: 0 });
    expect(b.bill.requestCostUsd).toBe(0);
    expect(b.byFunction).toMatchObject([{ functionName: 'heavy', requests: 50 }]);
    expect(b.byFunction[0]?.gbSeconds).toBeCloseTo(b.gbSeconds.used, 6);
    expect(b.prices.perMillionRequestsUsd).toBeCloseTo(0.2, 12);
  });
});
