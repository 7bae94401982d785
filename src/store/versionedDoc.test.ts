import { describe, expect, it } from 'vitest';
// zod/mini, as the saved documents use: full zod would set its English messages and hide a missing locale.
import { z } from 'zod/mini';
import { type DocFormat, parseVersioned } from './versionedDoc';

const v3 = z.strictObject({ version: z.literal(3), items: z.array(z.string()) });

const format = (label: string | null): DocFormat<z.infer<typeof v3>> => ({
  schema: v3,
  version: 3,
  migrations: {
    1: (old) => ({ version: 2, items: [String((old as { item: unknown }).item)] }),
    2: (old) => {
      const o = old as { items: string[] };
      if (o.items.includes('bad')) throw new Error('an item cannot be upgraded');
      return { ...o, version: 3 };
    },
  },
  label,
  notA: 'it is not a list',
});

describe('versioned documents', () => {
  it('runs every migration from the saved version up, in order', () => {
    expect(parseVersioned(format(null), { item: 'a' }, 1)).toEqual({
      ok: true,
      value: { version: 3, items: ['a'] },
    });
    expect(parseVersioned(format(null), { version: 3, items: ['b'] }, 3)).toMatchObject({ ok: true });
  });

  it('refuses unknown and newer versions by name', () => {
    expect(parseVersioned(format('list'), {}, 0)).toEqual({ ok: false, reason: 'list format 0 is unknown' });
    expect(parseVersioned(format(null), {}, 2.5)).toEqual({ ok: false, reason: 'format 2.5 is unknown' });
    expect(parseVersioned(format(null), {}, 4)).toEqual({
      ok: false,
      reason: 'it was saved by a newer Lambda Lab (format 4, this lab reads up to 3)',
    });
  });

  it('says which step failed: a migration, or the schema after it', () => {
    expect(parseVersioned(format('list'), { version: 2, items: ['bad'] }, 2)).toEqual({
      ok: false,
      reason: 'list could not be upgraded from format 2: an item cannot be upgraded',
    });
    expect(parseVersioned(format('list'), { version: 3, items: [1] }, 3)).toEqual({
      ok: false,
      reason: 'list: items.0: Invalid input: expected string, received number',
    });
  });
});
