import { describe, expect, it } from 'vitest';
import { createTestWorld } from './testWorld';
import { isTraceName, TRACE_NAMES } from './traceNameList';

describe('trace names at run time', () => {
  it('knows every name a world emits', () => {
    const t = createTestWorld().createFunction({ functionName: 'f' });
    t.invoke({ functionName: 'f' }).advanceBy(60 * 60 * 1000);
    const emitted = [...new Set(t.world.trace.events.map((e) => e.name))];
    expect(emitted.length).toBeGreaterThan(5);
    expect(emitted.filter((n) => !isTraceName(n))).toEqual([]);
  });

  it('rejects names no service emits, including the old content aliases', () => {
    for (const n of ['iam.access.denied', 'sqs.batch.received', 'dynamodb.item.written', 'toString', ''])
      expect(isTraceName(n)).toBe(false);
    expect(TRACE_NAMES).toContain('esm.sqs.batch.received');
    expect(new Set(TRACE_NAMES).size).toBe(TRACE_NAMES.length);
  });
});
