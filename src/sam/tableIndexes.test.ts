/** A template's DynamoDB secondary indexes reach the simulated table and survive an export (#21). */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createLabRunner } from '../host/labRunner';
import { createLabWorld } from '../host/labWorld';
import { createFakeRuntime } from '../sim';
import type { JsonObject } from '../sim/services/json';
import { buildSamApp } from './buildApp';
import { resourceTemplate } from './exportResources';
import { readSamTemplate } from './readTemplate';

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: python3.13
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - { AttributeName: customer, AttributeType: S }
        - { AttributeName: orderId, AttributeType: S }
        - { AttributeName: status, AttributeType: S }
        - { AttributeName: total, AttributeType: N }
      KeySchema:
        - { AttributeName: customer, KeyType: HASH }
        - { AttributeName: orderId, KeyType: RANGE }
      GlobalSecondaryIndexes:
        - IndexName: byStatus
          KeySchema: [{ AttributeName: status, KeyType: HASH }]
          Projection: { ProjectionType: KEYS_ONLY }
      LocalSecondaryIndexes:
        - IndexName: byTotal
          KeySchema:
            - { AttributeName: customer, KeyType: HASH }
            - { AttributeName: total, KeyType: RANGE }
          Projection: { ProjectionType: ALL }
`;

const read = () =>
  readSamTemplate({
    templatePath: 'template.yaml',
    text: TEMPLATE,
    files: { 'src/app.py': 'def handler(e, c):\n    return 1\n' },
    parameterOverrides: {},
  });

describe('SAM tables with secondary indexes', () => {
  it('creates the indexes in the simulated table and writes them back on export', async () => {
    const lab = createLabWorld({ seed: 3, startTimeMs: Date.UTC(2026, 10, 26), access: 'basic' });
    const runner = createLabRunner(lab.world, createFakeRuntime({}));
    await buildSamApp(lab, runner, read);
    const r = lab.consoleCall('dynamodb', 'DescribeTable', { TableName: 'orders' });
    if (r.kind !== 'result') throw new Error(JSON.stringify(r));
    const t = r.result.Table as JsonObject;
    expect((t.GlobalSecondaryIndexes as JsonObject[]).map((i) => i.IndexName)).toEqual(['byStatus']);
    expect((t.LocalSecondaryIndexes as JsonObject[]).map((i) => i.IndexName)).toEqual(['byTotal']);
    const table = read().resources.find((x) => x.kind === 'table');
    const exported = parse(JSON.stringify(resourceTemplate(table!))) as { Properties: JsonObject };
    expect(exported.Properties.GlobalSecondaryIndexes).toEqual(
      parse(TEMPLATE).Resources.Orders.Properties.GlobalSecondaryIndexes,
    );
    expect(exported.Properties.LocalSecondaryIndexes).toEqual(
      parse(TEMPLATE).Resources.Orders.Properties.LocalSecondaryIndexes,
    );
    expect((exported.Properties.AttributeDefinitions as JsonObject[]).map((d) => d.AttributeName)).toEqual([
      'customer',
      'orderId',
      'status',
      'total',
    ]);
  });
});
