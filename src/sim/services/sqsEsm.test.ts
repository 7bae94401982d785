import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { createLab, type Lab, recordingScript } from './labTestSupport';

type Respond = Parameters<typeof recordingScript>[0];

function setup(
  respond?: Respond,
  managed: readonly string[] = ['AWSLambdaSQSQueueExecutionRole'],
  timeout = 3,
) {
  const rec = recordingScript(respond);
  const lab = createLab(rec.script);
  lab.fn('worker', lab.role('worker-role', managed), timeout);
  const dlqUrl = String(lab.ok('sqs', 'CreateQueue', { QueueName: 'jobs-dlq' }).QueueUrl);
  const dlqArn = 'arn:aws:sqs:us-east-1:123456789012:jobs-dlq';
  const url = String(
    lab.ok('sqs', 'CreateQueue', {
      QueueName: 'jobs',
      Attributes: {
        VisibilityTimeout: '30',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }),
      },
    }).QueueUrl,
  );
  return { lab, log: rec.log, url, dlqUrl, arn: 'arn:aws:sqs:us-east-1:123456789012:jobs' };
}

function send(lab: Lab, url: string, n: number): void {
  for (let i = 0; i < n; i++) lab.ok('sqs', 'SendMessage', { QueueUrl: url, MessageBody: `m${i}` });
}

function states(lab: Lab, arn: string): Record<string, string> {
  const q = lab.services.sqs.queueByArn(arn)!;
  return Object.fromEntries([...q.messages.values()].map((m) => [m.body, m.state]));
}

const bodies = (e: JsonObject): string[] => (e.Records as { body: string }[]).map((r) => r.body);

describe('SQS event source mapping', () => {
  it('checks the execution role when the mapping is created', () => {
    const { lab, arn } = setup(undefined, ['AWSLambdaBasicExecutionRole']);
    const e = lab.error('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: arn,
    });
    expect(e).toMatchObject({
      code: 'InvalidParameterValueException',
      message: 'The provided execution role does not have permissions to call ReceiveMessage on SQS',
    });
    expect(lab.ok('lambda', 'ListEventSourceMappings', {}).EventSourceMappings).toEqual([]);
  });

  it('validates batch size against the batching window', () => {
    const { lab, arn } = setup();
    expect(
      lab.error('lambda', 'CreateEventSourceMapping', {
        FunctionName: 'worker',
        EventSourceArn: arn,
        BatchSize: 50,
      }).message,
    ).toBe('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
  });

  it('delivers batches of BatchSize with the exact SQS record shape and deletes on success', () => {
    const { lab, log, url, arn } = setup();
    send(lab, url, 25);
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: arn,
      BatchSize: 10,
    });
    lab.run();
    expect(log.map((l) => (l.event.Records as unknown[]).length)).toEqual([10, 10, 5]);
    const rec = (log[0]!.event.Records as JsonObject[])[0]!;
    expect(Object.keys(rec)).toEqual([
      'messageId',
      'receiptHandle',
      'body',
      'attributes',
      'messageAttributes',
      'md5OfBody',
      'eventSource',
      'eventSourceARN',
      'awsRegion',
    ]);
    expect(Object.keys(rec.attributes as object)).toEqual([
      'ApproximateReceiveCount',
      'SentTimestamp',
      'SenderId',
      'ApproximateFirstReceiveTimestamp',
    ]);
    expect(rec).toMatchObject({
      body: 'm0',
      eventSource: 'aws:sqs',
      eventSourceARN: arn,
      awsRegion: 'us-east-1',
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(new Set(Object.values(states(lab, arn)))).toEqual(new Set(['deleted']));
  });

  it('returns a failed batch after the visibility timeout, then redrives it to the DLQ after maxReceiveCount', () => {
    const { lab, log, url, arn } = setup(() => ({ status: 'error', message: 'nope' }));
    send(lab, url, 2);
    lab.ok('lambda', 'CreateEventSourceMapping', { FunctionName: 'worker', EventSourceArn: arn });
    lab.run();
    expect(log).toHaveLength(3);
    expect(
      log.map(
        (l) =>
          (l.event.Records as { attributes: { ApproximateReceiveCount: string } }[])[0]!.attributes
            .ApproximateReceiveCount,
      ),
    ).toEqual(['1', '2', '3']);
    expect(states(lab, arn)).toEqual({ m0: 'redriven', m1: 'redriven' });
    expect(states(lab, 'arn:aws:sqs:us-east-1:123456789012:jobs-dlq')).toEqual({
      m0: 'queued',
      m1: 'queued',
    });
  });

  it('with ReportBatchItemFailures deletes all but the reported messages', () => {
    const { lab, log, url, arn } = setup((_fn, event) => {
      const recs = event.Records as { messageId: string; body: string }[];
      const failed = recs.filter((r) => r.body === 'm1').map((r) => ({ itemIdentifier: r.messageId }));
      return { status: 'success', json: JSON.stringify({ batchItemFailures: failed }) };
    });
    send(lab, url, 3);
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: arn,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    lab.advance(1000);
    expect(bodies(log[0]!.event)).toEqual(['m0', 'm1', 'm2']);
    expect(states(lab, arn)).toEqual({ m0: 'deleted', m1: 'inflight', m2: 'deleted' });
  });

  it('an unknown itemIdentifier fails the whole batch', () => {
    const { lab, url, arn } = setup(() => ({
      status: 'success',
      json: '{"batchItemFailures":[{"itemIdentifier":"nope"}]}',
    }));
    send(lab, url, 2);
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: arn,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    lab.advance(1000);
    expect(states(lab, arn)).toEqual({ m0: 'inflight', m1: 'inflight' });
  });

  it('waits for the batching window when the batch is not full', () => {
    const { lab, log, url, arn } = setup();
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: arn,
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
    });
    send(lab, url, 3);
    lab.advance(4000);
    expect(log).toHaveLength(0);
    lab.advance(2000);
    expect(log.map((l) => bodies(l.event))).toEqual([['m0', 'm1', 'm2']]);
  });

  it('scales from 5 concurrent batches, adding 300 a minute while messages wait, capped by MaximumConcurrency', () => {
    // Each batch takes two minutes, so messages keep waiting and the mapping keeps scaling.
    const lab = createLab({ invoke: { sleepMs: 120_000 } });
    lab.fn('worker', lab.role('worker-role', ['AWSLambdaSQSQueueExecutionRole']), 900);
    const url = String(
      lab.ok('sqs', 'CreateQueue', { QueueName: 'big', Attributes: { VisibilityTimeout: '5400' } }).QueueUrl,
    );
    send(lab, url, 2000);
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:big',
      BatchSize: 1,
      ScalingConfig: { MaximumConcurrency: 400 },
    });
    lab.advance(1000);
    const running = () => lab.world.concurrency().functions.worker?.onDemandInFlight;
    expect(running()).toBe(5);
    lab.advance(60_000);
    expect(running()).toBe(305);
    lab.advance(60_000);
    expect(running()).toBe(400);
    const steps = lab.world.trace.events
      .filter((e) => e.name === 'esm.scaling.changed')
      .map((e) => (e as { concurrency: number }).concurrency);
    expect(steps.slice(0, 2)).toEqual([305, 400]);
  });
});

describe('SQS properties', () => {
  it('every message ends deleted, in the DLQ or still queued; good messages are delivered at least once; redrive counts hold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.uniqueArray(fc.nat(29), { maxLength: 10 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 10 }),
        (n, poisonIdx, maxReceive, batchSize) => {
          const poison = new Set(poisonIdx.filter((i) => i < n).map((i) => `m${i}`));
          const rec = recordingScript((_fn, event) => {
            const recs = event.Records as { messageId: string; body: string }[];
            const failed = recs
              .filter((r) => poison.has(r.body))
              .map((r) => ({ itemIdentifier: r.messageId }));
            return { status: 'success', json: JSON.stringify({ batchItemFailures: failed }) };
          });
          const lab = createLab(rec.script, n * 31 + maxReceive);
          lab.fn('worker', lab.role('r', ['AWSLambdaSQSQueueExecutionRole']));
          lab.ok('sqs', 'CreateQueue', { QueueName: 'dlq' });
          const url = String(
            lab.ok('sqs', 'CreateQueue', {
              QueueName: 'q',
              Attributes: {
                VisibilityTimeout: '30',
                RedrivePolicy: JSON.stringify({
                  deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
                  maxReceiveCount: maxReceive,
                }),
              },
            }).QueueUrl,
          );
          send(lab, url, n);
          lab.ok('lambda', 'CreateEventSourceMapping', {
            FunctionName: 'worker',
            EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q',
            BatchSize: batchSize,
            FunctionResponseTypes: ['ReportBatchItemFailures'],
          });
          lab.run();
          const source = lab.services.sqs.queueByArn('arn:aws:sqs:us-east-1:123456789012:q')!;
          const dlq = lab.services.sqs.queueByArn('arn:aws:sqs:us-east-1:123456789012:dlq')!;
          const delivered = new Map<string, number>();
          for (const l of rec.log)
            for (const b of bodies(l.event)) delivered.set(b, (delivered.get(b) ?? 0) + 1);
          expect(source.messages.size).toBe(n);
          for (const m of source.messages.values()) {
            expect(['deleted', 'redriven', 'queued', 'inflight']).toContain(m.state);
            if (poison.has(m.body)) {
              expect(m.state).toBe('redriven');
              expect(m.receiveCount).toBe(maxReceive);
              expect(delivered.get(m.body)).toBe(maxReceive);
              expect(dlq.messages.get(m.id)?.state).toBe('queued');
            } else {
              expect(m.state).toBe('deleted');
              expect(delivered.get(m.body) ?? 0).toBeGreaterThanOrEqual(1);
            }
          }
          expect(dlq.messages.size).toBe(poison.size);
        },
      ),
      { numRuns: 40 },
    );
  });
});
