import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { createSqsLab } from '../testing/sqsLab';
import { pushPollFrameAt, toPushPollModel } from './toPushPollModel';

const boom = {
  outcome: {
    status: 'error',
    error: { errorMessage: 'boom', errorType: 'ValueError', requestId: '', stackTrace: [] },
  },
} as const;
const DLQ = 'arn:aws:sqs:us-east-1:123456789012:dlq';

describe('toPushPollModel: push lane', () => {
  it('follows an async event through its attempts, back-offs and the DLQ', () => {
    const t = createTestWorld({}, { invoke: boom }).createFunction({
      functionName: 'f',
      deadLetterConfig: { targetArn: DLQ },
    });
    t.invoke({ functionName: 'f', invocationType: 'Event' }).advanceBy(10 * 60_000);
    const m = toPushPollModel(t.world.trace.events);
    expect(m.push.items).toHaveLength(1);
    const item = m.push.items[0]!;
    expect(item).toMatchObject({ mode: 'async', outcome: 'retriesExhausted', attempts: 3 });
    expect(item.deliveredTo).toEqual(['deadLetterQueue']);
    expect(item.phases.map((p) => p.kind)).toEqual([
      'queued',
      'running',
      'backoff',
      'queued',
      'running',
      'backoff',
      'queued',
      'running',
    ]);
    const backoffs = item.phases.filter((p) => p.kind === 'backoff');
    expect(backoffs.map((p) => p.endMs - p.startMs)).toEqual([60_000, 120_000]);
    expect(backoffs.map((p) => p.note)).toEqual(['functionError', 'functionError']);
    const mid = backoffs[0]!.startMs + 30_000;
    const f = pushPollFrameAt(m, mid);
    expect(f.push).toMatchObject({ backoff: 1, running: 0, queued: 0, failed: 0 });
    expect(f.push.tokens).toEqual([
      { id: item.requestId, phase: 'backoff', progress: 0.5, round: 1, note: 'functionError' },
    ]);
    expect(pushPollFrameAt(m, item.endMs).push.failed).toBe(1);
  });

  it('shows a sync success, a sync throttle and an async throttle back-off', () => {
    const t = createTestWorld({}, { invoke: { sleepMs: 5000 } }).createFunction({
      functionName: 'f',
      timeout: 10,
    });
    t.do((w) => w.putFunctionConcurrency('f', 1));
    t.invoke({ functionName: 'f' }, 'a')
      .invoke({ functionName: 'f' }, 'b')
      .invoke({ functionName: 'f', invocationType: 'Event' }, 'c')
      .advanceBy(60_000);
    const m = toPushPollModel(t.world.trace.events);
    const by = new Map(m.push.items.map((i) => [i.requestId, i]));
    expect(by.get(t.requestId('a'))).toMatchObject({ mode: 'sync', outcome: 'success' });
    const throttledSync = m.push.items.filter((i) => i.outcome === 'throttled');
    expect(throttledSync).toMatchObject([{ mode: 'sync', phases: [] }]);
    const c = by.get(t.requestId('c'))!;
    expect(c.outcome).toBe('success');
    const throttled = c.phases.filter((p) => p.kind === 'backoff');
    expect(throttled[0]).toMatchObject({ note: 'throttle' });
    expect(throttled[0]!.endMs - throttled[0]!.startMs).toBe(1000);
  });
});

describe('toPushPollModel: poll lane (the SQS service and its event source mapping)', () => {
  it('receives batches, deletes successes, returns a failed message after the visibility timeout, then redrives it', () => {
    const q = createSqsLab({ batchSize: 2, visibilityTimeoutS: 30, maxReceiveCount: 2, poison: ['poison'] });
    q.send('a');
    const poison = q.send('poison');
    q.send('c');
    q.map();
    q.lab.advance(120_000);
    const m = toPushPollModel(q.lab.world.trace.events);
    expect(m.poll.queues).toContain('orders');
    expect(m.push.items).toEqual([]);
    const first = m.poll.batches[0]!;
    expect(first.messageIds).toHaveLength(2);
    expect(first.invokeStatus).toBe('partialFailure');
    expect(first.partial).toBe(true);
    expect(first.failedIds).toEqual([poison]);
    expect(first.invokeEndMs).toBeGreaterThan(first.t);
    const p = m.poll.messages.find((x) => x.messageId === poison)!;
    expect(p).toMatchObject({ outcome: 'deadLettered', receives: 2 });
    // SQS moves it to the DLQ when a receive would exceed maxReceiveCount, so it waits visible once more.
    expect(p.phases.map((x) => x.kind)).toEqual(['visible', 'inflight', 'visible', 'inflight', 'visible']);
    expect(p.phases[1]!.endMs - p.phases[1]!.startMs).toBe(30_000);
    const during = pushPollFrameAt(m, p.phases[1]!.startMs + 10_000);
    expect(during.poll).toMatchObject({ inflight: 1, deleted: 2, deadLettered: 0 });
    expect(during.poll.pollers).toBe(5);
    const end = pushPollFrameAt(m, m.endMs);
    expect(end.poll).toMatchObject({ visible: 0, inflight: 0, deleted: 2, deadLettered: 1 });
  });
});
