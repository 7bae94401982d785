/**
 * The page's lab as the browser wires it (only Python's boot is a Node runtime): an instructor's demo
 * runs its steps in a world of its own while the learner's S3 trigger fires in the learner's world.
 * Both worlds have an `Orders` table and an `order-reader` function, so only the calling environment
 * tells their boto3 calls apart.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LAB_ROLE_NAME } from '../../host/labWorld';
import { loadDemos } from '../../instructor/demoFiles';
import { readContentFiles } from '../../lessons/loadLessons';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import type { JsonObject } from '../../sim/services/json';

let runtime: NodeRuntime | null = null;
let awsCall: (json: string) => string | Promise<string> = () => '';
vi.mock('../lab/pythonBoot', () => ({
  currentRuntime: () => runtime,
  setAwsCall: (handler: typeof awsCall) => {
    awsCall = handler;
  },
}));

const { browserLab } = await import('../lab/browserLab');
const { startBrowserDemo } = await import('./demoRunner');

const files = readContentFiles();
const demo = loadDemos(files).demos.find((d) => d.script.id === 'access-denied');

beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: (json) => awsCall(json) });
});
afterAll(async () => {
  await runtime?.close();
});

const UPLOAD_HANDLER = [
  'import boto3',
  'orders = boto3.client("dynamodb")',
  '',
  'def lambda_handler(event, context):',
  '    for record in event["Records"]:',
  '        key = record["s3"]["object"]["key"]',
  '        orders.put_item(TableName="Orders", Item={"OrderId": {"S": key}, "item": {"S": "upload"}})',
  '',
].join('\n');

describe('a demo and the learner share the runtime', () => {
  it("each boto3 call lands in its own world while the learner's trigger fires during the demo", async () => {
    if (!demo) throw new Error('the access-denied demo is missing');
    const home = browserLab().home();
    if (!home) throw new Error('no learner world');
    const ok = (service: string, operation: string, params: JsonObject) => {
      const r = home.lab.consoleCall(service, operation, params);
      if (r.kind !== 'result') throw new Error(`${operation}: ${JSON.stringify(r)}`);
      return r.result;
    };
    // The learner's world: the same table name (with a different item) and an upload trigger.
    ok('dynamodb', 'CreateTable', {
      TableName: 'Orders',
      KeySchema: [{ AttributeName: 'OrderId', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'OrderId', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    ok('dynamodb', 'PutItem', {
      TableName: 'Orders',
      Item: { OrderId: { S: 'o-100' }, item: { S: 'desk' } },
    });
    ok('iam', 'PutRolePolicy', {
      RoleName: LAB_ROLE_NAME,
      PolicyName: 'orders',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: '*' }],
      }),
    });
    const created = await home.runner.command((w) =>
      w.createFunction({
        functionName: 'order-reader',
        role: `arn:aws:iam::123456789012:role/${LAB_ROLE_NAME}`,
        runtime: 'python3.13',
        handler: 'lambda_function.lambda_handler',
        timeout: 30,
        memorySize: 1769,
        code: { files: { 'lambda_function.py': UPLOAD_HANDLER } },
      }),
    );
    if (!created.ok) throw new Error(created.error.message);
    ok('s3', 'CreateBucket', { Bucket: 'uploads' });
    ok('lambda', 'AddPermission', {
      FunctionName: 'order-reader',
      StatementId: 's3',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::uploads',
    });
    ok('s3', 'PutBucketNotificationConfiguration', {
      Bucket: 'uploads',
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:order-reader',
            Events: ['s3:ObjectCreated:*'],
          },
        ],
      },
    });

    const runner = startBrowserDemo(demo, files);
    await runner.exec(0);
    ok('s3', 'PutObject', { Bucket: 'uploads', Key: 'cat.jpg', Body: 'meow' });
    // The demo's next step holds the lab's queue when the learner's upload starts its handler.
    let busyWhenTriggered: boolean | null = null;
    const off = home.lab.world.trace.subscribe((e) => {
      if (e.name === 'lambda.invoke.start') busyWhenTriggered ??= browserLab().jobs.busy();
    });
    const steps = (async () => {
      const reports = [];
      for (let i = 1; i < demo.script.steps.length; i++) reports.push(await runner.exec(i));
      return reports;
    })();
    const [reports] = await Promise.all([steps, home.runner.runUntilIdle()]);
    off();

    expect(busyWhenTriggered).toBe(true);
    const scan = (lab: typeof home.lab) => {
      const r = lab.consoleCall('dynamodb', 'Scan', { TableName: 'Orders' });
      if (r.kind !== 'result') throw new Error(JSON.stringify(r));
      return (r.result.Items as { OrderId: { S: string }; item: { S: string } }[])
        .map((i) => `${i.OrderId.S}:${i.item.S}`)
        .sort();
    };
    expect(scan(home.lab)).toEqual(['cat.jpg:upload', 'o-100:desk']);
    const demoWorld = runner.world();
    if (!demoWorld) throw new Error('the demo has no world');
    expect(scan(demoWorld.lab)).toEqual(['o-100:chair']);
    // The demo's reads answered from the demo's table: refused first, then its own chair.
    expect(reports[0]?.responses[0]).toContain('AccessDeniedException');
    expect(reports.at(-1)?.responses[0]).toContain('chair');
    await runner.dispose();
  }, 120_000);
});
