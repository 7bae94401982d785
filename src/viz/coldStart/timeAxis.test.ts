import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { panView, zoomView } from './axisView';
import { brokenTicks, createBrokenScale, idleGaps } from './timeAxis';
import { toTimelineModel } from './toTimelineModel';

const slow = { invoke: { cpuMs: 0, sleepMs: 100 } } as const;
const MIN15 = 15 * 60_000;

/** Test, +15 min, Test: the learner's demo of cold, idle, then a later invoke. */
function testGapTest() {
  const t = createTestWorld({}, { init: { cpuMs: 50 }, ...slow }).createFunction({ functionName: 'f' });
  t.invoke({ functionName: 'f' })
    .advanceBy(1000)
    .advanceBy(MIN15)
    .invoke({ functionName: 'f' })
    .advanceBy(1000);
  return toTimelineModel(t.world.trace.events, { untilMs: t.world.now() });
}

const invokesOf = (m: ReturnType<typeof testGapTest>) =>
  m.rows.flatMap((r) => r.spans.filter((s) => s.kind === 'invoke'));

describe('idle gaps', () => {
  it('finds the 15 minutes where nothing runs and labels its real length', () => {
    const m = testGapTest();
    const [first, second] = invokesOf(m);
    const gaps = idleGaps(m);
    // The environment is reaped inside the quiet time: its shutdown stays visible between two breaks.
    const shutdown = m.rows[0]!.goneAt!;
    expect(gaps.map((g) => [g.startMs, g.endMs])).toEqual([
      [first!.endMs, shutdown],
      [shutdown, m.rows[1]!.createdAt],
    ]);
    expect(second!.startMs).toBeGreaterThan(gaps[1]!.endMs);
    expect(gaps[1]!.endMs - gaps[0]!.startMs).toBeGreaterThan(MIN15);
    expect(gaps[0]!.label).toMatch(/^14 min \d+ s idle$/);
    expect(gaps[1]!.label).toMatch(/^\d\.\d{3} s idle$/);
  });

  it('leaves short pauses to scale', () => {
    const t = createTestWorld({}, slow).createFunction({ functionName: 'f' });
    t.invoke({ functionName: 'f' }).advanceBy(5000).invoke({ functionName: 'f' }).advanceBy(1000);
    const m = toTimelineModel(t.world.trace.events, { untilMs: t.world.now() });
    expect(idleGaps(m)).toEqual([]);
    expect(idleGaps(m, { minGapMs: 1000 }).length).toBeGreaterThan(0);
  });

  it('draws a gap as a short break, so each invoke keeps a readable width', () => {
    const m = testGapTest();
    const gaps = idleGaps(m);
    const linear = createBrokenScale(m.startMs, m.endMs, [], 100, 1000);
    const broken = createBrokenScale(m.startMs, m.endMs, gaps, 100, 1000);
    const px = (s: { startMs: number; endMs: number }, sc: typeof broken) =>
      sc.xOf(s.endMs) - sc.xOf(s.startMs);
    for (const inv of invokesOf(m)) {
      expect(px(inv, linear)).toBeLessThan(1);
      expect(px(inv, broken)).toBeGreaterThan(20);
    }
    expect(broken.breaks).toHaveLength(2);
    const b = broken.breaks[0]!;
    expect(b.w).toBeGreaterThan(10);
    expect(b.w).toBeLessThanOrEqual(48);
    // The axis still spans the body exactly, monotonic, and msOf undoes xOf.
    expect(broken.xOf(m.startMs)).toBe(100);
    expect(broken.xOf(m.endMs)).toBeCloseTo(1100, 6);
    const t = invokesOf(m)[1]!.startMs + 10;
    expect(broken.msOf(broken.xOf(t))).toBeCloseTo(t, 3);
    expect(broken.xOf(b.startMs)).toBeLessThan(broken.xOf(b.endMs));
  });

  it('places ticks in the active stretches, never inside a break', () => {
    const m = testGapTest();
    const scale = createBrokenScale(m.startMs, m.endMs, idleGaps(m), 100, 1000);
    const ticks = brokenTicks(scale);
    expect(ticks.length).toBeGreaterThan(3);
    const g = scale.breaks[0]!;
    expect(ticks.every((t) => t <= g.startMs || t >= g.endMs)).toBe(true);
    expect(ticks.some((t) => t > g.endMs)).toBe(true);
  });

  it('zooms and pans a window of the axis, staying inside it', () => {
    const m = testGapTest();
    const gaps = idleGaps(m);
    const zoomed = zoomView({ u0: 0, u1: 1 }, 4, 0);
    expect(zoomed).toEqual({ u0: 0, u1: 0.25 });
    const scale = createBrokenScale(m.startMs, m.endMs, gaps, 100, 1000, zoomed);
    expect(scale.fromMs).toBe(m.startMs);
    expect(scale.toMs).toBeLessThan(m.endMs);
    const inv = invokesOf(m)[0]!;
    expect(scale.xOf(inv.endMs) - scale.xOf(inv.startMs)).toBeGreaterThan(80);
    expect(panView(zoomed, -1)).toEqual(zoomed);
    expect(panView(zoomed, 10)).toEqual({ u0: 0.75, u1: 1 });
    expect(zoomView(zoomed, 0.1)).toEqual({ u0: 0, u1: 1 });
    expect(zoomView({ u0: 0, u1: 1 }, 1e6).u1).toBeCloseTo(0.5 + 1 / 128, 9);
  });
});
