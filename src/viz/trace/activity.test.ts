import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { activityStartMs, isSetupEvent } from './activity';

describe('activityStartMs', () => {
  it('skips the set-up and starts at the first request, however long after it came', () => {
    const t = createTestWorld().createFunction({ functionName: 'f' });
    t.do((w) => w.putFunctionConcurrency('f', 5));
    t.advanceBy(5 * 60_000);
    const before = t.world.now();
    t.invoke({ functionName: 'f' }).advanceBy(1000);
    const events = t.world.trace.events;
    expect(events[0]!.t).toBeLessThan(before);
    expect(activityStartMs(events)).toBe(before);
  });

  it('counts an environment and a message as activity, a new queue or role as set-up', () => {
    expect(isSetupEvent('lambda.env.created')).toBe(false);
    expect(isSetupEvent('sqs.message.sent')).toBe(false);
    expect(isSetupEvent('sqs.queue.created')).toBe(true);
    expect(isSetupEvent('iam.role.created')).toBe(true);
    expect(activityStartMs([{ name: 'iam.role.created', t: 5, seq: 0 }])).toBeNull();
  });
});
