/** DynamoDB Streams' ListStreams: every stream, or one table's. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { createLab } from './labTestSupport';

describe('dynamodbstreams ListStreams', () => {
  it("lists every table's stream, or only the named table's", () => {
    const lab = createLab();
    for (const TableName of ['orders', 'users'])
      lab.ok('dynamodb', 'CreateTable', {
        TableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      });
    const tables = (p: JsonObject) =>
      (lab.ok('dynamodbstreams', 'ListStreams', p).Streams as JsonObject[]).map((s) => s.TableName);
    expect(tables({})).toEqual(['orders', 'users']);
    expect(tables({ TableName: 'users' })).toEqual(['users']);
    expect(tables({ TableName: 'ghost' })).toEqual([]);
  });
});
