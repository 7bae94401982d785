import { describe, expect, it } from 'vitest';
import { readSharedEvent, shareLink } from './shareEvent';

describe('test events shared as links', () => {
  it('round-trips a name and JSON with non-ASCII text through the fragment', () => {
    const event = { name: 'orderCreated', json: '{\n  "customer": "Zoë",\n  "note": "café ☕"\n}' };
    const made = shareLink('http://localhost:5173/?lesson=2#old', event);
    if (!made.ok) throw new Error(made.reason);
    expect(made.url.startsWith('http://localhost:5173/?lesson=2#event=')).toBe(true);
    expect(made.url).not.toMatch(/[+/=]$/);
    expect(readSharedEvent(new URL(made.url).hash)).toEqual(event);
  });

  it('says a cut link is damaged and ignores fragments without an event', () => {
    const made = shareLink('http://x/', { name: 'e', json: '{"a": 1}' });
    if (!made.ok) throw new Error(made.reason);
    const cut = new URL(made.url).hash.slice(0, -6);
    expect(readSharedEvent(cut)).toEqual({ error: expect.stringContaining('damaged') });
    expect(readSharedEvent('#lesson=3')).toBeNull();
    expect(readSharedEvent('')).toBeNull();
  });

  it('refuses to make a link too long to share', () => {
    const made = shareLink('http://x/', { name: 'big', json: JSON.stringify({ data: 'x'.repeat(20_000) }) });
    expect(made).toEqual({ ok: false, reason: expect.stringContaining('too long to share') });
  });
});
