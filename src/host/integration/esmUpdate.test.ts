/** UpdateEventSourceMapping and ListEventSourceMappings from boto3, with real Python consumers. */
import { afterAll, describe, expect, it } from 'vitest';
import { eventsNamed } from '../../sim/trace';
import { createPythonServiceHost } from '../testing/pythonServiceFixture';

const host = createPythonServiceHost();
afterAll(() => host.close());

// The consumer reports each batch's size in its log, so the test reads what Lambda delivered.
const WORKER = 'def lambda_handler(event, context):\n    print("batch", len(event["Records"]))\n';
const OPS = [
  'import boto3',
  'lam = boto3.client("lambda")',
  '',
  'def lambda_handler(event, context):',
  '    [m] = lam.list_event_source_mappings(FunctionName="worker")["EventSourceMappings"]',
  '    updated = lam.update_event_source_mapping(UUID=m["UUID"], **event)',
  '    now = lam.get_event_source_mapping(UUID=m["UUID"])',
  '    return {"uuid": m["UUID"], "before": m["BatchSize"], "updated": updated["State"], "state": now["State"], "size": now["BatchSize"]}',
  '',
].join('\n');

describe('updating an SQS event source mapping', () => {
  it('changes the batch size in place (same UUID), disables and re-enables it', async () => {
    const t = host.fresh(61);
    await t.addFunction('worker', WORKER);
    await t.addFunction('ops', OPS);
    const QueueUrl = String(t.ok('sqs', 'CreateQueue', { QueueName: 'orders' }).QueueUrl);
    const arn = 'arn:aws:sqs:us-east-1:123456789012:orders';
    const created = t.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: arn,
      BatchSize: 1,
    });
    const send = (n: number) => {
      for (let i = 0; i < n; i++) t.ok('sqs', 'SendMessage', { QueueUrl, MessageBody: `m${i}` });
    };
    const batches = () =>
      t.lab.world.logs
        .events('/aws/lambda/worker')
        .map((e) => e.message)
        .filter((m) => m.startsWith('batch '))
        .map((m) => Number(m.slice(6)));
    send(10);
    await t.runner.runUntilIdle();
    expect(batches()).toEqual(Array(10).fill(1));

    const out = (await t.invoke('ops', { BatchSize: 10 })) as Record<string, unknown>;
    expect(out).toEqual({ uuid: created.UUID, before: 1, updated: 'Updating', state: 'Enabled', size: 10 });
    send(10);
    await t.runner.runUntilIdle();
    expect(batches().slice(10)).toEqual([10]);

    const off = (await t.invoke('ops', { Enabled: false })) as Record<string, unknown>;
    expect(off.state).toBe('Disabled');
    send(3);
    await t.runner.advanceBy(60_000);
    expect(batches()).toHaveLength(11);
    const attrs = t.ok('sqs', 'GetQueueAttributes', {
      QueueUrl,
      AttributeNames: ['ApproximateNumberOfMessages'],
    });
    expect(attrs.Attributes).toMatchObject({ ApproximateNumberOfMessages: '3' });

    const on = (await t.invoke('ops', { Enabled: true })) as Record<string, unknown>;
    expect(on.state).toBe('Enabled');
    await t.runner.runUntilIdle();
    expect(batches().slice(11)).toEqual([3]);
    expect(eventsNamed(t.lab.world.trace.events, 'esm.created')).toHaveLength(1);
  });

  it('refuses a batch size over 10 without a batching window, and changes nothing', async () => {
    const t = host.fresh(62);
    await t.addFunction('worker', WORKER);
    t.ok('sqs', 'CreateQueue', { QueueName: 'orders' });
    const created = t.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:orders',
      BatchSize: 5,
    });
    const r = t.lab.consoleCall('lambda', 'UpdateEventSourceMapping', {
      UUID: String(created.UUID),
      BatchSize: 50,
    });
    expect(r.kind).toBe('error');
    if (r.kind === 'error')
      expect(r.error.message).toBe(
        'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
      );
    expect(t.ok('lambda', 'GetEventSourceMapping', { UUID: String(created.UUID) })).toMatchObject({
      BatchSize: 5,
      State: 'Enabled',
    });
  });
});
