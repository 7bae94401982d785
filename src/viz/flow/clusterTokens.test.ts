import { describe, expect, it } from 'vitest';
import { clusterTokens } from './clusterTokens';
import type { PlacedToken, TokenOutcome } from './flowTypes';

const at = (
  id: string,
  x: number,
  y: number,
  outcome: TokenOutcome = 'pending',
  edgeId = 'a->b',
): PlacedToken => ({
  token: { id, ref: id, refKind: 'request', edgeId, reverse: false, startMs: 0, endMs: 1, outcome, seq: 0 },
  x,
  y,
  progress: 0.5,
});

describe('clusterTokens', () => {
  it('merges tokens that would overlap, keeping the first, and counts them', () => {
    const burst = Array.from({ length: 1000 }, (_, i) => at(`r${i}`, 100 + (i % 3) * 0.5, 50));
    const c = clusterTokens(burst);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ count: 1000, first: { token: { id: 'r0' } } });
  });

  it('keeps apart what differs in place, outcome or edge', () => {
    const c = clusterTokens([
      at('a', 10, 10),
      at('b', 40, 10),
      at('c', 10, 10, 'error'),
      at('d', 10, 10, 'pending', 'b->c'),
    ]);
    expect(c.map((x) => x.first.token.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(c.every((x) => x.count === 1)).toBe(true);
  });
});
