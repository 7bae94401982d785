/** DynamoDB secondary indexes: creation, sparse projected entries, Query and Scan on an index, IAM on index ARNs. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { createLab, type Lab } from './labTestSupport';

const S = (s: string) => ({ S: s });
const N = (n: number) => ({ N: String(n) });

function ordersTable(lab: Lab, extra: JsonObject = {}): void {
  lab.ok('dynamodb', 'CreateTable', {
    TableName: 'Orders',
    KeySchema: [
      { AttributeName: 'customer', KeyType: 'HASH' },
      { AttributeName: 'orderId', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'customer', AttributeType: 'S' },
      { AttributeName: 'orderId', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'placedAt', AttributeType: 'N' },
      { AttributeName: 'total', AttributeType: 'N' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byStatus',
        KeySchema: [
          { AttributeName: 'status', KeyType: 'HASH' },
          { AttributeName: 'placedAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total'] },
      },
      {
        IndexName: 'statusKeys',
        KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
    LocalSecondaryIndexes: [
      {
        IndexName: 'byTotal',
        KeySchema: [
          { AttributeName: 'customer', KeyType: 'HASH' },
          { AttributeName: 'total', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
    ...extra,
  });
  const put = (customer: string, orderId: string, status: string | null, placedAt: number, total: number) => {
    const item: JsonObject = {
      customer: S(customer),
      orderId: S(orderId),
      placedAt: N(placedAt),
      total: N(total),
      note: S(`note ${orderId}`),
    };
    if (status) item.status = S(status);
    lab.ok('dynamodb', 'PutItem', { TableName: 'Orders', Item: item });
  };
  put('ada', 'o1', 'OPEN', 300, 25);
  put('ada', 'o2', 'SHIPPED', 100, 90);
  put('bob', 'o3', 'OPEN', 200, 40);
  put('bob', 'o4', null, 50, 10);
  put('ada', 'o5', 'OPEN', 150, 5);
}

const ids = (r: JsonObject): string[] => (r.Items as { orderId: { S: string } }[]).map((i) => i.orderId.S);

describe('DynamoDB secondary indexes', () => {
  it('describes the indexes with their key schema, projection, live counts and ARNs', () => {
    const lab = createLab();
    ordersTable(lab);
    const t = lab.ok('dynamodb', 'DescribeTable', { TableName: 'Orders' }).Table as JsonObject;
    const [g1, g2] = t.GlobalSecondaryIndexes as JsonObject[];
    expect(g1).toMatchObject({
      IndexName: 'byStatus',
      KeySchema: [
        { AttributeName: 'status', KeyType: 'HASH' },
        { AttributeName: 'placedAt', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total'] },
      IndexStatus: 'ACTIVE',
      ItemCount: 4,
      IndexArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/byStatus',
    });
    expect(g2).toMatchObject({ IndexName: 'statusKeys', ItemCount: 4 });
    const [l1] = t.LocalSecondaryIndexes as JsonObject[];
    expect(l1).toMatchObject({
      IndexName: 'byTotal',
      ItemCount: 5,
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
    expect(l1).not.toHaveProperty('IndexStatus');
    expect(Number(g1!.IndexSizeBytes)).toBeGreaterThan(0);
  });

  it('queries a global index in its sort-key order, with only the projected attributes (sparse: o4 has no status)', () => {
    const lab = createLab();
    ordersTable(lab);
    const r = lab.ok('dynamodb', 'Query', {
      TableName: 'Orders',
      IndexName: 'byStatus',
      KeyConditionExpression: '#s = :open AND placedAt > :t',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':open': S('OPEN'), ':t': N(100) },
    });
    expect(ids(r)).toEqual(['o5', 'o3', 'o1']);
    expect(Object.keys((r.Items as JsonObject[])[0]!).sort()).toEqual([
      'customer',
      'orderId',
      'placedAt',
      'status',
      'total',
    ]);
    const keysOnly = lab.ok('dynamodb', 'Query', {
      TableName: 'Orders',
      IndexName: 'statusKeys',
      KeyConditionExpression: '#s = :v',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':v': S('SHIPPED') },
    });
    expect(keysOnly.Items).toEqual([{ status: S('SHIPPED'), customer: S('ada'), orderId: S('o2') }]);
    const scan = lab.ok('dynamodb', 'Scan', { TableName: 'Orders', IndexName: 'byStatus' });
    expect(scan.Count).toBe(4);
  });

  it('pages an index query with LastEvaluatedKey holding the index and table keys', () => {
    const lab = createLab();
    ordersTable(lab);
    const q = {
      TableName: 'Orders',
      IndexName: 'byStatus',
      KeyConditionExpression: '#s = :open',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':open': S('OPEN') },
      ScanIndexForward: false,
      Limit: 2,
    };
    const first = lab.ok('dynamodb', 'Query', q);
    expect(ids(first)).toEqual(['o1', 'o3']);
    expect(first.LastEvaluatedKey).toEqual({
      status: S('OPEN'),
      placedAt: N(200),
      customer: S('bob'),
      orderId: S('o3'),
    });
    const second = lab.ok('dynamodb', 'Query', { ...q, ExclusiveStartKey: first.LastEvaluatedKey! });
    expect(ids(second)).toEqual(['o5']);
    expect(second.LastEvaluatedKey).toBeUndefined();
  });

  it('a local index reads one partition by another sort key and can fetch unprojected attributes from the table', () => {
    const lab = createLab();
    ordersTable(lab);
    const base = {
      TableName: 'Orders',
      IndexName: 'byTotal',
      KeyConditionExpression: 'customer = :c AND #t BETWEEN :lo AND :hi',
      ExpressionAttributeNames: { '#t': 'total' },
      ExpressionAttributeValues: { ':c': S('ada'), ':lo': N(5), ':hi': N(50) },
    };
    const r = lab.ok('dynamodb', 'Query', base);
    expect(ids(r)).toEqual(['o5', 'o1']);
    expect((r.Items as JsonObject[])[0]).not.toHaveProperty('note');
    const all = lab.ok('dynamodb', 'Query', { ...base, Select: 'ALL_ATTRIBUTES' });
    expect((all.Items as JsonObject[])[0]).toHaveProperty('note', S('note o5'));
  });

  it('refuses what DynamoDB refuses on an index read', () => {
    const lab = createLab();
    ordersTable(lab);
    const q = {
      TableName: 'Orders',
      IndexName: 'statusKeys',
      KeyConditionExpression: '#s = :v',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':v': S('OPEN') },
    };
    expect(lab.error('dynamodb', 'Query', { ...q, Select: 'ALL_ATTRIBUTES' }).message).toBe(
      'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index statusKeys because its projection type is not ALL',
    );
    expect(lab.error('dynamodb', 'Query', { ...q, ConsistentRead: true }).message).toBe(
      'Consistent reads are not supported on global secondary indexes',
    );
    expect(lab.error('dynamodb', 'Query', { ...q, IndexName: 'nope' }).message).toBe(
      'The table does not have the specified index: nope',
    );
    expect(
      lab.error('dynamodb', 'Query', {
        TableName: 'Orders',
        IndexName: 'byStatus',
        KeyConditionExpression: 'placedAt > :t',
        ExpressionAttributeValues: { ':t': N(1) },
      }).message,
    ).toBe('Query condition missed key schema element: status');
    expect(
      lab.error('dynamodb', 'Query', {
        TableName: 'Orders',
        KeyConditionExpression: 'customer = :c AND note = :n',
        ExpressionAttributeValues: { ':c': S('ada'), ':n': S('x') },
      }).message,
    ).toBe('Query key condition not supported');
  });

  it('refuses a write whose index key has the wrong type, and changes nothing', () => {
    const lab = createLab();
    ordersTable(lab);
    const e = lab.error('dynamodb', 'PutItem', {
      TableName: 'Orders',
      Item: { customer: S('cy'), orderId: S('o9'), status: N(1) },
    });
    expect(e.message).toBe(
      'One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: byStatus',
    );
    expect(
      lab.error('dynamodb', 'UpdateItem', {
        TableName: 'Orders',
        Key: { customer: S('ada'), orderId: S('o1') },
        UpdateExpression: 'SET #s = :e',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':e': S('') },
      }).message,
    ).toContain(
      'The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byStatus',
    );
    const t = lab.ok('dynamodb', 'DescribeTable', { TableName: 'Orders' }).Table as JsonObject;
    expect(t.ItemCount).toBe(5);
  });

  it('validates index definitions at CreateTable', () => {
    const lab = createLab();
    const base = {
      TableName: 'Things',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'x', AttributeType: 'S' },
      ],
    };
    const lsi = {
      IndexName: 'byX',
      KeySchema: [
        { AttributeName: 'id', KeyType: 'HASH' },
        { AttributeName: 'x', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    };
    expect(lab.error('dynamodb', 'CreateTable', { ...base, LocalSecondaryIndexes: [lsi] }).message).toBe(
      'One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex',
    );
    const gsi = (extra: JsonObject) => ({
      ...base,
      GlobalSecondaryIndexes: [
        { IndexName: 'byY', KeySchema: [{ AttributeName: 'y', KeyType: 'HASH' }], ...extra },
      ],
    });
    expect(lab.error('dynamodb', 'CreateTable', gsi({ Projection: { ProjectionType: 'ALL' } })).message).toBe(
      'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [y], AttributeDefinitions: [id, x]',
    );
    expect(
      lab.error('dynamodb', 'CreateTable', {
        ...base,
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byY',
            KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'INCLUDE' },
          },
        ],
      }).message,
    ).toBe(
      'One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified',
    );
    expect(lab.error('dynamodb', 'CreateTable', gsi({ IndexName: 'g' })).message).toBe(
      "1 validation error detected: Value 'g' at 'indexName' failed to satisfy constraint: Member must have length greater than or equal to 3",
    );
    expect(lab.call('dynamodb', 'DescribeTable', { TableName: 'Things' }).kind).toBe('error');
  });

  it('checks a Query on an index against the index ARN, so a policy naming only the table is refused', () => {
    const lab = createLab();
    ordersTable(lab);
    const role = lab.role('reader', ['AWSLambdaBasicExecutionRole'], {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'dynamodb:Query',
          Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders',
        },
      ],
    });
    lab.fn('reader', role);
    const q = {
      TableName: 'Orders',
      IndexName: 'statusKeys',
      KeyConditionExpression: '#s = :v',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':v': S('OPEN') },
    };
    const e = lab.error('dynamodb', 'Query', q, 'reader');
    expect(e.code).toBe('AccessDeniedException');
    expect(e.message).toContain(
      'is not authorized to perform: dynamodb:Query on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/statusKeys',
    );
    const table = lab.ok(
      'dynamodb',
      'Query',
      {
        TableName: 'Orders',
        KeyConditionExpression: 'customer = :c',
        ExpressionAttributeValues: { ':c': S('bob') },
      },
      'reader',
    );
    expect(ids(table)).toEqual(['o3', 'o4']);
  });
});
