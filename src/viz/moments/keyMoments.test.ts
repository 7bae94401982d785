import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import type { TraceLike } from '../trace/looseEvents';
import { toKeyMoments } from './keyMoments';

const coldWarmIdleCold = () =>
  createTestWorld({}, { init: { cpuMs: 50 }, invoke: { sleepMs: 100 } })
    .createFunction({ functionName: 'f' })
    .invoke({ functionName: 'f' })
    .advanceBy(1000)
    .invoke({ functionName: 'f' })
    .advanceBy(30 * 60_000)
    .invoke({ functionName: 'f' })
    .advanceBy(1000);

describe('toKeyMoments', () => {
  it('reads cold, warm, the idle half hour with its shutdown, and cold again', () => {
    const moments = toKeyMoments(coldWarmIdleCold().world.trace.events);
    expect(moments.map((m) => m.kind)).toEqual(['cold', 'warm', 'idle', 'cold']);
    // The REPORT line's figures: Init Duration and Duration for the cold one, Duration for the warm one.
    expect(moments[0]!.detail).toMatch(/^Init \d+ ms \+ 1\d\d ms$/);
    expect(moments[1]!.detail).toMatch(/^1\d\d ms$/);
    expect(moments[2]!.title).toMatch(/^\d+ min \d+ s idle$/);
    expect(moments[2]!.detail).toBe('1 environment shut down');
    // In time order: the idle stretch starts after the warm invoke and ends before the last cold one.
    expect(moments[2]!.startMs).toBeGreaterThan(moments[1]!.startMs);
    expect(moments[3]!.startMs - moments[0]!.startMs).toBeGreaterThan(29 * 60_000);
  });

  it('merges a burst of the same moment into one item', () => {
    const t = createTestWorld({}, { invoke: { sleepMs: 100 } }).createFunction({ functionName: 'f' });
    for (let i = 0; i < 3; i++) t.invoke({ functionName: 'f' });
    t.advanceBy(1000);
    const moments = toKeyMoments(t.world.trace.events);
    expect(moments.map((m) => [m.kind, m.count, m.title])).toEqual([['cold', 3, 'Cold start ×3']]);
    // Three environments made at once: a cold start is dated from its environment, not its handler.
    expect(moments[0]!.detail).toBe('at the same moment');
  });

  it('puts a gateway timeout beside the later 200, each with how long the client waited', () => {
    const ev = (name: string, t: number, seq: number, extra: object): TraceLike =>
      ({ name, t, seq, ...extra }) as TraceLike;
    const moments = toKeyMoments([
      ev('apigw.request', 0, 1, { requestId: 'a' }),
      ev('apigw.response', 29_000, 2, { requestId: 'a', statusCode: 504 }),
      ev('apigw.request', 40_000, 3, { requestId: 'b' }),
      ev('apigw.response', 42_000, 4, { requestId: 'b', statusCode: 200 }),
    ]);
    expect(moments.map((m) => [m.kind, m.title, m.detail])).toEqual([
      ['http-error', 'HTTP 504', 'after 29.0 s'],
      ['http-ok', 'HTTP 200', 'after 2.000 s'],
    ]);
  });
});
