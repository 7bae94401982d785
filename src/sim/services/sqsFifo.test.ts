/** SQS FIFO queues: ordering per message group, deduplication, one batch per group, FIFO dead-letter queues. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { eventsNamed } from './kernel';
import { createLab, type Lab, recordingScript } from './labTestSupport';
import { sha256Hex } from './sha256';

type Respond = Parameters<typeof recordingScript>[0];
const ARN = 'arn:aws:sqs:us-east-1:123456789012:orders.fifo';
const DLQ_ARN = 'arn:aws:sqs:us-east-1:123456789012:orders-dlq.fifo';

function setup(respond?: Respond, queueAttrs: JsonObject = {}) {
  const rec = recordingScript(respond);
  const lab = createLab(rec.script);
  lab.fn('worker', lab.role('worker-role', ['AWSLambdaSQSQueueExecutionRole']), 3);
  lab.ok('sqs', 'CreateQueue', { QueueName: 'orders-dlq.fifo', Attributes: { FifoQueue: 'true' } });
  const url = String(
    lab.ok('sqs', 'CreateQueue', {
      QueueName: 'orders.fifo',
      Attributes: {
        FifoQueue: 'true',
        VisibilityTimeout: '30',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 2 }),
        ...queueAttrs,
      },
    }).QueueUrl,
  );
  return { lab, log: rec.log, url };
}

function send(lab: Lab, url: string, group: string, body: string, dedup = body): JsonObject {
  return lab.ok('sqs', 'SendMessage', {
    QueueUrl: url,
    MessageBody: body,
    MessageGroupId: group,
    MessageDeduplicationId: dedup,
  });
}

const bodies = (e: JsonObject): string[] => (e.Records as { body: string }[]).map((r) => r.body);

function receiveBodies(lab: Lab, url: string, max = 10): string[] {
  const r = lab.ok('sqs', 'ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: max });
  return ((r.Messages as JsonObject[] | undefined) ?? []).map((m) => String(m.Body));
}

describe('SQS FIFO queues', () => {
  it('receives a group in send order, several of its messages at once, and locks the group while they are in flight', () => {
    const { lab, url } = setup();
    for (const b of ['a1', 'a2', 'a3']) send(lab, url, 'A', b);
    for (const b of ['b1', 'b2']) send(lab, url, 'B', b);
    expect(receiveBodies(lab, url, 2)).toEqual(['a1', 'a2']);
    // a3 waits behind a1 and a2, in flight: group B is served instead.
    expect(receiveBodies(lab, url, 10)).toEqual(['b1', 'b2']);
    expect(receiveBodies(lab, url, 10)).toEqual([]);
    // Nothing was deleted: after the visibility timeout the group starts again from a1.
    lab.advance(30_000);
    expect(receiveBodies(lab, url, 10)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
  });

  it("fills a receive with one group's messages before the next group's, each group in order", () => {
    const { lab, url } = setup();
    for (const b of ['a1', 'b1', 'a2', 'c1', 'b2', 'a3']) send(lab, url, b[0]!.toUpperCase(), b);
    expect(receiveBodies(lab, url, 4)).toEqual(['a1', 'a2', 'a3', 'b1']);
    // b2 waits behind b1 (in flight); c1 is free.
    expect(receiveBodies(lab, url, 10)).toEqual(['c1']);
  });

  it('numbers messages with increasing 20-digit sequence numbers and shows the FIFO attributes on receive', () => {
    const { lab, url } = setup();
    const s1 = String(send(lab, url, 'A', 'x').SequenceNumber);
    const s2 = String(send(lab, url, 'A', 'y').SequenceNumber);
    expect(s1).toMatch(/^\d{20}$/);
    expect(BigInt(s2)).toBeGreaterThan(BigInt(s1));
    const got = lab.ok('sqs', 'ReceiveMessage', {
      QueueUrl: url,
      MaxNumberOfMessages: 1,
      MessageSystemAttributeNames: ['All'],
    }).Messages as JsonObject[];
    expect(got[0]!.Attributes).toMatchObject({
      SequenceNumber: s1,
      MessageGroupId: 'A',
      MessageDeduplicationId: 'x',
    });
  });

  it('drops a repeat of a deduplication ID within 5 minutes, answering with the first message, and accepts it after', () => {
    const { lab, url } = setup();
    const first = send(lab, url, 'A', 'pay 10', 'order-1');
    lab.advance(299_000);
    const again = send(lab, url, 'A', 'pay 10 (retry)', 'order-1');
    expect(again.MessageId).toBe(first.MessageId);
    expect(again.SequenceNumber).toBe(first.SequenceNumber);
    expect(eventsNamed(lab.world.trace.events, 'sqs.message.deduplicated')).toHaveLength(1);
    lab.advance(1_000);
    const later = send(lab, url, 'A', 'pay 10 (much later)', 'order-1');
    expect(later.MessageId).not.toBe(first.MessageId);
    expect(receiveBodies(lab, url)).toEqual(['pay 10', 'pay 10 (much later)']);
  });

  it('deduplicates by the SHA-256 of the body with ContentBasedDeduplication, and requires an ID without it', () => {
    const { lab, url } = setup(undefined, { ContentBasedDeduplication: 'true' });
    const a = lab.ok('sqs', 'SendMessage', { QueueUrl: url, MessageBody: 'same', MessageGroupId: 'A' });
    const b = lab.ok('sqs', 'SendMessage', { QueueUrl: url, MessageBody: 'same', MessageGroupId: 'B' });
    lab.ok('sqs', 'SendMessage', { QueueUrl: url, MessageBody: 'other', MessageGroupId: 'A' });
    expect(b.MessageId).toBe(a.MessageId);
    const got = lab.ok('sqs', 'ReceiveMessage', {
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      AttributeNames: ['MessageDeduplicationId'],
    }).Messages as JsonObject[];
    expect(got.map((m) => m.Body)).toEqual(['same', 'other']);
    expect((got[0]!.Attributes as JsonObject).MessageDeduplicationId).toBe(sha256Hex('same'));

    const { lab: lab2, url: url2 } = setup();
    expect(
      lab2.error('sqs', 'SendMessage', { QueueUrl: url2, MessageBody: 'x', MessageGroupId: 'A' }).message,
    ).toBe(
      'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
    expect(lab2.error('sqs', 'SendMessage', { QueueUrl: url2, MessageBody: 'x' }).message).toBe(
      'The request must contain the parameter MessageGroupId.',
    );
  });

  it('refuses a standard dead-letter queue for a FIFO queue, per-message delays and FIFO parameters on a standard queue', () => {
    const { lab, url } = setup();
    const std = String(lab.ok('sqs', 'CreateQueue', { QueueName: 'plain' }).QueueUrl);
    const e = lab.error('sqs', 'SetQueueAttributes', {
      QueueUrl: url,
      Attributes: {
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:plain',
          maxReceiveCount: 3,
        }),
      },
    });
    expect(e.code).toBe('InvalidParameterValue');
    expect(e.message).toContain('Dead-letter queue must be same type of queue as the source');
    expect(
      lab.error('sqs', 'SendMessage', {
        QueueUrl: url,
        MessageBody: 'x',
        MessageGroupId: 'A',
        MessageDeduplicationId: 'd',
        DelaySeconds: 7,
      }).message,
    ).toBe(
      'Value 7 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.',
    );
    expect(
      lab.error('sqs', 'SendMessage', { QueueUrl: std, MessageBody: 'x', MessageDeduplicationId: 'd' }).code,
    ).toBe('InvalidParameterValue');
  });
});

describe('the SQS event source mapping on a FIFO queue', () => {
  const mapping = (lab: Lab, extra: JsonObject = {}) =>
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: ARN,
      BatchSize: 10,
      ...extra,
    });

  it('refuses a batching window and a batch size over 10', () => {
    const { lab } = setup();
    expect(
      lab.error('lambda', 'CreateEventSourceMapping', {
        FunctionName: 'worker',
        EventSourceArn: ARN,
        MaximumBatchingWindowInSeconds: 5,
      }).message,
    ).toBe('Batching window is not supported for FIFO queues.');
    expect(
      lab.error('lambda', 'CreateEventSourceMapping', {
        FunctionName: 'worker',
        EventSourceArn: ARN,
        BatchSize: 11,
        MaximumBatchingWindowInSeconds: 1,
      }).message,
    ).toBe('BatchSize must be between 1 and 10.');
  });

  it('adds SequenceNumber, MessageGroupId and MessageDeduplicationId to the record attributes, all strings (facts §4.4)', () => {
    const { lab, log, url } = setup();
    mapping(lab);
    const sent = send(lab, url, 'A', 'x', 'dedup-x');
    lab.run();
    const rec = (log[0]!.event.Records as JsonObject[])[0]!;
    const attrs = rec.attributes as JsonObject;
    expect(Object.keys(attrs)).toEqual([
      'ApproximateReceiveCount',
      'SentTimestamp',
      'SenderId',
      'ApproximateFirstReceiveTimestamp',
      'SequenceNumber',
      'MessageGroupId',
      'MessageDeduplicationId',
    ]);
    expect(Object.values(attrs).every((v) => typeof v === 'string')).toBe(true);
    expect(attrs).toMatchObject({
      SequenceNumber: sent.SequenceNumber,
      MessageGroupId: 'A',
      MessageDeduplicationId: 'dedup-x',
    });
    expect(rec.eventSourceARN).toBe(ARN);
  });

  it('never has two batches of one group in flight, and keeps each group in order', () => {
    const { lab, log, url } = setup();
    mapping(lab, { BatchSize: 2 });
    for (let i = 1; i <= 5; i++) {
      send(lab, url, 'A', `a${i}`);
      send(lab, url, 'B', `b${i}`);
    }
    lab.run();
    const received = eventsNamed(lab.world.trace.events, 'esm.sqs.batch.received');
    const results = eventsNamed(lab.world.trace.events, 'esm.sqs.batch.result');
    const q = lab.services.sqs.queueByArn(ARN)!;
    const groupOf = (id: string) => q.messages.get(id)!.groupId;
    // Walk the trace: a batch of a group may start only once the group's previous batch has its result.
    const open = new Map<string, string>();
    const timeline = [...received, ...results].sort((x, y) => x.seq - y.seq);
    for (const e of timeline) {
      if (e.name === 'esm.sqs.batch.received') {
        for (const g of new Set(e.messageIds.map(groupOf))) {
          expect(open.has(g!), `group ${g} already has a batch in flight`).toBe(false);
          open.set(g!, e.requestId);
        }
      } else {
        for (const [g, rid] of open) if (rid === e.requestId) open.delete(g);
      }
    }
    const seen = log.flatMap((l) => bodies(l.event));
    expect(seen.filter((b) => b.startsWith('a'))).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(seen.filter((b) => b.startsWith('b'))).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    expect(received.length).toBeGreaterThanOrEqual(5);
  });

  it('a handler that stops at the first failure and reports the rest keeps the group in order', () => {
    let failOnce = true;
    const { lab, log, url } = setup((_fn, event) => {
      const recs = event.Records as { messageId: string; body: string }[];
      const at = recs.findIndex((r) => r.body === 'a2');
      if (at < 0 || !failOnce) return { status: 'success', json: '{"batchItemFailures": []}' };
      failOnce = false;
      const rest = recs.slice(at).map((r) => ({ itemIdentifier: r.messageId }));
      return { status: 'success', json: JSON.stringify({ batchItemFailures: rest }) };
    });
    for (const b of ['a1', 'a2', 'a3']) send(lab, url, 'A', b);
    send(lab, url, 'B', 'b1');
    mapping(lab, { FunctionResponseTypes: ['ReportBatchItemFailures'] });
    lab.run();
    // Everything from the first failure on comes back after the visibility timeout, in order (b1 too).
    expect(log.map((l) => bodies(l.event))).toEqual([
      ['a1', 'a2', 'a3', 'b1'],
      ['a2', 'a3', 'b1'],
    ]);
  });

  it('a handler that reports only the failed message lets later messages of its group overtake it', () => {
    let failOnce = true;
    const { lab, log, url } = setup((_fn, event) => {
      const recs = event.Records as { messageId: string; body: string }[];
      const bad = recs.find((r) => r.body === 'a2');
      if (!bad || !failOnce) return { status: 'success', json: 'null' };
      failOnce = false;
      return {
        status: 'success',
        json: JSON.stringify({ batchItemFailures: [{ itemIdentifier: bad.messageId }] }),
      };
    });
    for (const b of ['a1', 'a2', 'a3']) send(lab, url, 'A', b);
    mapping(lab, { FunctionResponseTypes: ['ReportBatchItemFailures'] });
    lab.run();
    // Lambda deletes what the handler did not report: a3 was processed before the retried a2.
    expect(log.map((l) => bodies(l.event))).toEqual([['a1', 'a2', 'a3'], ['a2']]);
  });

  it('redrives a message that keeps failing to the FIFO dead-letter queue, which unblocks its group', () => {
    const { lab, log, url } = setup((_fn, event) => {
      const recs = event.Records as { messageId: string; body: string }[];
      const at = recs.findIndex((r) => r.body === 'poison');
      const failed = at < 0 ? [] : recs.slice(at).map((r) => ({ itemIdentifier: r.messageId }));
      // Only the poison message is reported from a batch that starts with it; the next one is fine.
      return { status: 'success', json: JSON.stringify({ batchItemFailures: failed.slice(0, 1) }) };
    });
    send(lab, url, 'A', 'poison');
    mapping(lab, { BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    send(lab, url, 'A', 'after');
    lab.run();
    expect(log.map((l) => bodies(l.event))).toEqual([['poison'], ['poison'], ['after']]);
    const dlq = lab.services.sqs.queueByArn(DLQ_ARN)!;
    const moved = [...dlq.live.values()];
    expect(moved.map((m) => [m.body, m.groupId, m.dedupId])).toEqual([['poison', 'A', 'poison']]);
    expect(moved[0]!.sequenceNumber).toMatch(/^\d{20}$/);
    const dlqUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq.fifo';
    expect(receiveBodies(lab, dlqUrl)).toEqual(['poison']);
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors, across block boundaries and for UTF-8 text', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });
});
