import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { createLab, recordingScript } from './labTestSupport';

const filter = (...patterns: object[]) => ({
  Filters: patterns.map((p) => ({ Pattern: JSON.stringify(p) })),
});
const records = (log: { event: JsonObject }[]) => log.flatMap((l) => l.event.Records as JsonObject[]);

describe('FilterCriteria on event source mappings', () => {
  it('SQS: a JSON body is matched as JSON; refused messages are deleted without an invoke', () => {
    const rec = recordingScript();
    const lab = createLab(rec.script);
    lab.fn('worker', lab.role('r', ['AWSLambdaSQSQueueExecutionRole']));
    const url = String(lab.ok('sqs', 'CreateQueue', { QueueName: 'orders' }).QueueUrl);
    const mapping = lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:orders',
      FilterCriteria: filter({ body: { kind: ['paid'] } }, { body: ['ping'] }),
    });
    expect(mapping.FilterCriteria).toEqual(filter({ body: { kind: ['paid'] } }, { body: ['ping'] }));
    for (const body of ['{"kind": "paid", "n": 1}', '{"kind": "draft"}', 'ping', 'pong'])
      lab.ok('sqs', 'SendMessage', { QueueUrl: url, MessageBody: body });
    lab.run();
    expect(records(rec.log).map((r) => r.body)).toEqual(['{"kind": "paid", "n": 1}', 'ping']);
    const left = lab.ok('sqs', 'GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] });
    expect(left.Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('DynamoDB and Kinesis: records the pattern refuses are skipped, the rest delivered in order', () => {
    const rec = recordingScript();
    const lab = createLab(rec.script);
    lab.fn('sink', lab.role('r', ['AWSLambdaDynamoDBExecutionRole', 'AWSLambdaKinesisExecutionRole']));
    const t = lab.ok('dynamodb', 'CreateTable', {
      TableName: 'events',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    });
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'sink',
      EventSourceArn: String((t.TableDescription as JsonObject).LatestStreamArn),
      StartingPosition: 'TRIM_HORIZON',
      FilterCriteria: filter({ eventName: ['INSERT'], dynamodb: { NewImage: { status: { S: ['done'] } } } }),
    });
    for (const [id, status] of [
      ['a', 'open'],
      ['b', 'done'],
      ['c', 'open'],
      ['d', 'done'],
    ] as const)
      lab.ok('dynamodb', 'PutItem', { TableName: 'events', Item: { id: { S: id }, status: { S: status } } });
    lab.ok('kinesis', 'CreateStream', { StreamName: 'clicks', ShardCount: 1 });
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'sink',
      EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
      StartingPosition: 'TRIM_HORIZON',
      FilterCriteria: filter({ data: { button: ['buy'] } }),
    });
    for (const button of ['buy', 'back', 'buy'])
      lab.ok('kinesis', 'PutRecord', {
        StreamName: 'clicks',
        PartitionKey: 'p',
        Data: JSON.stringify({ button }),
      });
    lab.run();
    const all = records(rec.log);
    const ids = all
      .filter((r) => r.eventSource === 'aws:dynamodb')
      .map((r) => ((r.dynamodb as JsonObject).Keys as { id: { S: string } }).id.S);
    expect(ids).toEqual(['b', 'd']);
    const clicks = all
      .filter((r) => r.eventSource === 'aws:kinesis')
      .map((r) => JSON.parse(atob(String((r.kinesis as JsonObject).data))).button);
    expect(clicks).toEqual(['buy', 'buy']);
    const skipped = lab.world.trace.events.filter(
      (e) => e.name === 'esm.stream.record.skipped' && (e as { reason?: string }).reason === 'filtered',
    );
    expect(skipped).toHaveLength(3);
  });

  it('refuses a pattern that is not JSON', () => {
    const lab = createLab();
    lab.fn('worker', lab.role('r', ['AWSLambdaSQSQueueExecutionRole']));
    lab.ok('sqs', 'CreateQueue', { QueueName: 'q' });
    const e = lab.error('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'worker',
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q',
      FilterCriteria: { Filters: [{ Pattern: '{body' }] },
    });
    expect(e).toMatchObject({
      code: 'InvalidParameterValueException',
      message: 'Invalid filter pattern definition: {body',
    });
  });
});
