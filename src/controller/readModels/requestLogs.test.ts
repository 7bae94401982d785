import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { lastFourKb, requestLogLines } from './requestLogs';

describe('requestLogLines', () => {
  it('gives a cold request its INIT_START and a warm one only START to REPORT', () => {
    const t = createTestWorld()
      .createFunction({ functionName: 'fn' })
      .script({ invoke: { logs: [{ offsetMs: 1, text: 'hello from the handler' }] } })
      .invoke({ functionName: 'fn', payloadJson: '{}' }, 'cold')
      .runUntilIdle()
      .invoke({ functionName: 'fn', payloadJson: '{}' }, 'warm')
      .runUntilIdle();
    const stream = t.response('cold').logStreamName;
    const events = t.world.logs.events('/aws/lambda/fn', stream);
    const cold = requestLogLines(events, t.requestId('cold'));
    expect(cold[0]).toMatch(/^INIT_START Runtime Version: python:/);
    expect(cold).toContain('hello from the handler');
    expect(cold.at(-1)).toMatch(new RegExp(`^REPORT RequestId: ${t.requestId('cold')}\\t.*Init Duration: `));
    const warm = requestLogLines(events, t.requestId('warm'));
    expect(warm[0]).toBe(`START RequestId: ${t.requestId('warm')} Version: $LATEST`);
    expect(warm.at(-1)).not.toContain('Init Duration');
  });

  it('keeps the last 4 KB', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const { text, truncated } = lastFourKb(lines);
    expect(truncated).toBe(true);
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(4096);
    expect(text.endsWith(lines.at(-1) ?? '')).toBe(true);
  });
});
