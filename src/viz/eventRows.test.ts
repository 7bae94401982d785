import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../sim/testWorld';
import { createEventIndex, describeEvent, eventRowsAt } from './eventRows';

describe('event rows (the text alternative)', () => {
  const t = createTestWorld({}, { invoke: { sleepMs: 100 } }).createFunction({ functionName: 'f' });
  t.invoke({ functionName: 'f' }).advanceBy(1000);
  const events = t.world.trace.events;

  it('describes Lambda events in words, marking modeled and measured Init parts', () => {
    const text = events.map(describeEvent);
    expect(text).toContain('Function f created');
    expect(text.some((s) => /^Init runtime of \w{8}: \d+ ms \(modeled\)$/.test(s))).toBe(true);
    expect(text.some((s) => /^Init module of \w{8}: 1\.00 ms \(measured\)$/.test(s))).toBe(true);
    expect(text.some((s) => /^Invoke \S{8} started on \w{8}: cold, attempt 1$/.test(s))).toBe(true);
    expect(text.some((s) => /^Invoke \S{8} ended: success, \d+ ms, billed \d+ ms$/.test(s))).toBe(true);
  });

  it('shows events up to the playhead, the last maxRows of them, without logs and billing', () => {
    const index = createEventIndex(events);
    const all = eventRowsAt(index, undefined);
    expect(all.rows.some((r) => r.name.startsWith('logs.') || r.name.startsWith('billing.'))).toBe(false);
    const start = events.find((e) => e.name === 'lambda.invoke.start')!;
    const upTo = eventRowsAt(index, start.t);
    expect(upTo.rows[upTo.rows.length - 1]!.name).toBe('lambda.invoke.start');
    expect(upTo.total).toBeLessThan(all.total);
    const last2 = eventRowsAt(index, undefined, 2);
    expect(last2.rows).toHaveLength(2);
    expect(last2.total).toBe(all.total);
  });

  it('reads unknown service events as their payload', () => {
    expect(describeEvent({ name: 'sqs.message.sent', t: 0, seq: 0, messageId: 'm-1' } as never)).toBe(
      '{ "messageId": "m-1" }',
    );
  });
});
