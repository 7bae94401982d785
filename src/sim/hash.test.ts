import { describe, expect, it } from 'vitest';
import { digest64Hex, fnv1a, unitHash } from './hash.mjs';

describe('FNV-1a', () => {
  it('matches the published 32-bit test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('gives an independent value per basis', () => {
    expect(fnv1a('x', 0x811c9dc5 ^ 1)).not.toBe(fnv1a('x'));
  });

  it('spreads ids over [0, 1) repeatably', () => {
    const values = ['msg-1', 'msg-2', '', 'a'].map(unitHash);
    // The values the visualizers and scenarios were built with before the hashes were merged.
    expect(values).toEqual([0.3276764336042106, 0.5378982592374086, 0.8339333257172257, 0.6697624446824193]);
    for (const v of values) expect(v >= 0 && v < 1).toBe(true);
  });

  it('keeps the 64-bit digest the snapshot meta files carry', () => {
    expect(digest64Hex('a.py\u0000A\u0000b.py\u0000B\u00e9\u0000')).toBe('c8c149ae983ffe46');
    expect(digest64Hex('')).toMatch(/^[0-9a-f]{16}$/);
  });
});
