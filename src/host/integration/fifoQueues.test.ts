/** SQS FIFO queues with real Python handlers: a producer and a consumer calling boto3 through the lab. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../sim/services/json';
import {
  createPythonServiceHost,
  type PythonServiceHost,
  type PythonServiceLab,
} from '../testing/pythonServiceFixture';

const ACCOUNT = '123456789012';
const urlOf = (name: string) => `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/${name}`;
const arnOf = (name: string) => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;

const PRODUCER = `import boto3
sqs = boto3.client("sqs")

def lambda_handler(event, context):
    url = sqs.get_queue_url(QueueName="orders.fifo")["QueueUrl"]
    sent = []
    for order, step in event["steps"]:
        r = sqs.send_message(QueueUrl=url, MessageBody=f"{order}:{step}",
                             MessageGroupId=order, MessageDeduplicationId=f"{order}-{step}")
        sent.append([r["MessageId"], r["SequenceNumber"]])
    # A retry of the first send within five minutes: accepted, answered as the original, not enqueued.
    dup = sqs.send_message(QueueUrl=url, MessageBody="retried", MessageGroupId="o1",
                           MessageDeduplicationId="o1-created")
    return {"sent": sent, "duplicate": dup["MessageId"]}
`;

// The FIFO pattern: stop at the first failure and report it and everything after it.
const CONSUMER = `import boto3
sqs = boto3.client("sqs")
done_url = None

def lambda_handler(event, context):
    global done_url
    done_url = done_url or sqs.get_queue_url(QueueName="done")["QueueUrl"]
    failures = []
    for rec in event["Records"]:
        attrs = rec["attributes"]
        if failures or (rec["body"].endswith(":paid") and attrs["ApproximateReceiveCount"] == "1"):
            failures.append({"itemIdentifier": rec["messageId"]})
            continue
        sqs.send_message(QueueUrl=done_url, MessageBody=f'{rec["body"]} {attrs["MessageGroupId"]}')
    return {"batchItemFailures": failures}
`;

const POISON_CONSUMER = `def lambda_handler(event, context):
    for rec in event["Records"]:
        if rec["body"] == "poison":
            raise ValueError("cannot process " + rec["attributes"]["MessageGroupId"])
    return {"batchItemFailures": []}
`;

let host: PythonServiceHost;
beforeAll(() => {
  host = createPythonServiceHost();
});
afterAll(async () => {
  await host.close();
});

function queues(h: PythonServiceLab, maxReceiveCount: number): void {
  h.ok('sqs', 'CreateQueue', { QueueName: 'orders-dlq.fifo', Attributes: { FifoQueue: 'true' } });
  h.ok('sqs', 'CreateQueue', {
    QueueName: 'orders.fifo',
    Attributes: {
      FifoQueue: 'true',
      VisibilityTimeout: '60',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf('orders-dlq.fifo'), maxReceiveCount }),
    },
  });
  h.ok('sqs', 'CreateQueue', { QueueName: 'done' });
}

function drain(h: PythonServiceLab, name: string): string[] {
  const out: string[] = [];
  for (;;) {
    const r = h.ok('sqs', 'ReceiveMessage', { QueueUrl: urlOf(name), MaxNumberOfMessages: 10 });
    const got = (r.Messages as JsonObject[] | undefined) ?? [];
    if (got.length === 0) return out;
    out.push(...got.map((m) => String(m.Body)));
  }
}

describe('FIFO queues with Python handlers', () => {
  it('keeps each order in sequence through a failure, deduplicates a retried send, one batch per group', async () => {
    const h = host.fresh(31);
    queues(h, 5);
    await h.addFunction('producer', PRODUCER);
    await h.addFunction('consumer', CONSUMER);
    const steps = [
      ['o1', 'created'],
      ['o2', 'created'],
      ['o1', 'paid'],
      ['o2', 'paid'],
      ['o1', 'shipped'],
      ['o2', 'shipped'],
    ];
    const out = (await h.invoke('producer', { steps })) as { sent: string[][]; duplicate: string };
    expect(out.duplicate).toBe(out.sent[0]![0]);
    const seqs = out.sent.map((s) => BigInt(s[1]!));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    h.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'consumer',
      EventSourceArn: arnOf('orders.fifo'),
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    await h.runner.runUntilIdle();
    const outcomes = h.lab.world.trace.events.flatMap((e) =>
      e.name === 'esm.sqs.batch.result' ? [e.outcome] : [],
    );
    expect(outcomes[0]).toBe('partialFailure');
    const done = drain(h, 'done');
    expect(done.filter((d) => d.endsWith('o1'))).toEqual(['o1:created o1', 'o1:paid o1', 'o1:shipped o1']);
    expect(done.filter((d) => d.endsWith('o2'))).toEqual(['o2:created o2', 'o2:paid o2', 'o2:shipped o2']);
    expect(done).toHaveLength(6);
    const q = h.lab.services.sqs.queueByArn(arnOf('orders.fifo'))!;
    expect([...q.messages.values()].every((m) => m.state === 'deleted')).toBe(true);
    expect(q.messages.size).toBe(6);
  });

  it('moves a message that keeps failing to the FIFO dead-letter queue and then serves the rest of its group', async () => {
    const h = host.fresh(32);
    queues(h, 2);
    await h.addFunction('consumer', POISON_CONSUMER);
    for (const [body, dedup] of [
      ['poison', 'p1'],
      ['after', 'a1'],
    ])
      h.ok('sqs', 'SendMessage', {
        QueueUrl: urlOf('orders.fifo'),
        MessageBody: body!,
        MessageGroupId: 'g1',
        MessageDeduplicationId: dedup!,
      });
    h.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'consumer',
      EventSourceArn: arnOf('orders.fifo'),
      BatchSize: 1,
    });
    await h.runner.runUntilIdle();
    const starts = h.lab.world.trace.events.filter((e) => e.name === 'esm.sqs.batch.result');
    expect(starts.map((e) => (e.name === 'esm.sqs.batch.result' ? e.outcome : ''))).toEqual([
      'failure',
      'failure',
      'success',
    ]);
    const q = h.lab.services.sqs.queueByArn(arnOf('orders.fifo'))!;
    expect([...q.messages.values()].map((m) => [m.body, m.state])).toEqual([
      ['poison', 'redriven'],
      ['after', 'deleted'],
    ]);
    const dlq = h.ok('sqs', 'ReceiveMessage', {
      QueueUrl: urlOf('orders-dlq.fifo'),
      MessageSystemAttributeNames: ['MessageGroupId', 'ApproximateReceiveCount'],
    }).Messages as JsonObject[];
    expect(dlq.map((m) => [m.Body, m.Attributes])).toEqual([
      ['poison', { MessageGroupId: 'g1', ApproximateReceiveCount: '1' }],
    ]);
  });
});
