import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventQueue } from './eventQueue';
import { createRng } from './rng';
import { formatCentis, isoTimestamp, streamDate, toCentis, utcMs } from './timeFormat';
import { createTrace } from './trace';

describe('seeded RNG', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = [a.nextU32(), a.nextU32(), a.nextU32()];
    expect([b.nextU32(), b.nextU32(), b.nextU32()]).toEqual(xs);
    expect([c.nextU32(), c.nextU32(), c.nextU32()]).not.toEqual(xs);
  });

  it('draws 32-hex environment ids and UUID v4-shaped request ids', () => {
    const rng = createRng(1);
    expect(rng.hex(32)).toMatch(/^[0-9a-f]{32}$/);
    for (let i = 0; i < 100; i++) {
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('keeps next() in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = rng.next();
          if (x < 0 || x >= 1) return false;
        }
        return true;
      }),
    );
  });
});

describe('event queue', () => {
  it('pops by time, ties by insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const q = createEventQueue<number>();
        times.forEach((t, i) => {
          q.push(t, i);
        });
        const expected = times.map((t, i) => ({ t, i })).sort((x, y) => x.t - y.t || x.i - y.i);
        const got: { t: number; i: number }[] = [];
        for (let e = q.pop(); e; e = q.pop()) got.push({ t: e.at, i: e.item });
        expect(got).toEqual(expected);
      }),
    );
  });
});

describe('UTC formatting without Date', () => {
  it('matches known timestamps from the facts file', () => {
    expect(isoTimestamp(utcMs(2025, 1, 10, 16, 42, 41, 688))).toBe('2025-01-10T16:42:41.688Z');
    expect(isoTimestamp(utcMs(2020, 11, 10, 5, 46, 57, 874))).toBe('2020-11-10T05:46:57.874Z');
    expect(streamDate(utcMs(2020, 1, 31, 23, 59, 59, 999))).toBe('2020/01/31');
    expect(streamDate(utcMs(2024, 2, 29))).toBe('2024/02/29');
  });

  it('agrees with the platform calendar for any instant (checked here, outside the kernel)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        // biome-ignore lint/style/noRestrictedGlobals: a test may compare the kernel's calendar with the platform's.
        expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it('prints hundredths exactly', () => {
    expect(formatCentis(1574)).toBe('15.74');
    expect(formatCentis(300000)).toBe('3000.00');
    expect(formatCentis(5)).toBe('0.05');
    expect(toCentis(15.74)).toBe(1574);
    expect(toCentis(0.1 + 0.2)).toBe(30);
  });
});

describe('trace', () => {
  it('appends events with virtual time and sequence, and notifies subscribers until they leave', () => {
    const trace = createTrace();
    const seen: string[] = [];
    const off = trace.subscribe((e) => seen.push(e.name));
    trace.emit('lambda.version.published', 10, { functionName: 'f', version: '1' });
    off();
    trace.emit('lambda.version.published', 11, { functionName: 'f', version: '2' });
    expect(seen).toEqual(['lambda.version.published']);
    expect(trace.events.map((e) => [e.t, e.seq])).toEqual([
      [10, 0],
      [11, 1],
    ]);
  });
});
