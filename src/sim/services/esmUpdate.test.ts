/** UpdateEventSourceMapping on a stream mapping: settings change in place and the shard position is kept. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { createLab, recordingScript } from './labTestSupport';

describe('updating a DynamoDB stream mapping', () => {
  it('uses the new batch size from the next batch on, without re-reading records', () => {
    const rec = recordingScript();
    const lab = createLab(rec.script);
    lab.fn('sink', lab.role('r', ['AWSLambdaDynamoDBExecutionRole']));
    const t = lab.ok('dynamodb', 'CreateTable', {
      TableName: 'events',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    });
    const streamArn = String((t.TableDescription as JsonObject).LatestStreamArn);
    const m = lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'sink',
      EventSourceArn: streamArn,
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 1,
    });
    const put = (from: number, n: number) => {
      for (let i = from; i < from + n; i++)
        lab.ok('dynamodb', 'PutItem', { TableName: 'events', Item: { id: { S: `k${i}` } } });
    };
    put(0, 3);
    lab.run();
    const updated = lab.ok('lambda', 'UpdateEventSourceMapping', { UUID: String(m.UUID), BatchSize: 100 });
    expect(updated).toMatchObject({ UUID: m.UUID, BatchSize: 100, State: 'Updating' });
    put(3, 3);
    lab.run();
    expect(rec.log.map((l) => (l.event.Records as JsonObject[]).length)).toEqual([1, 1, 1, 3]);
    expect(
      lab.error('lambda', 'UpdateEventSourceMapping', { UUID: String(m.UUID), BatchSize: 0 }).message,
    ).toBe('BatchSize must be between 1 and 10000.');
    expect(lab.ok('lambda', 'ListEventSourceMappings', { FunctionName: 'sink' })).toMatchObject({
      EventSourceMappings: [{ UUID: m.UUID, BatchSize: 100, State: 'Enabled' }],
    });
  });
});
