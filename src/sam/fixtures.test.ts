import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deployDraft } from '../controller/deploy/deploy';
import type { NodeRuntime } from '../runtime/node/nodeRuntime';
import { appInput } from './appFiles';
import { exportSamFiles } from './exportApp';
import { readSamTemplate } from './readTemplate';
import { bootedRuntime, createTestRouter, fixtureFiles } from './testSupport';

const router = createTestRouter();
let runtime: NodeRuntime;
// Each test builds a whole app and runs real Python; at a load of 30 that takes more than the default.
vi.setConfig({ testTimeout: 120_000 });
beforeAll(async () => {
  runtime = await bootedRuntime((json) => router.awsCall(json));
});
afterAll(async () => {
  await runtime.close();
});

const payload = (r: { response: { payloadJson: string } | null }) =>
  JSON.parse(r.response?.payloadJson ?? 'null');

describe('SAM fixture: api-crud (Globals, Parameters, Conditions, intrinsics, layer, SimpleTable, REST API)', () => {
  it('resolves intrinsics and Globals into the function, and a POST stores an item the GET reads back', async () => {
    const { runner, built, call } = await router.build(runtime, fixtureFiles('api-crud'));
    const fn = built.app.workspace.functions.ItemsFunction;
    expect(fn?.memorySize).toBe(512);
    expect(fn?.layers).toEqual(['common']);
    const env = payload(await runner.invoke({ functionName: 'ItemsFunction', payloadJson: '{}' }));
    expect(env).toEqual({
      env: {
        STAGE: 'dev',
        TABLE_NAME: 'sam-app-ItemsTable',
        TABLE_ARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/sam-app-ItemsTable',
        WHERE: 'us-east-1/123456789012/sam-app',
        GREETING: 'hello from green',
        JOINED: 'a-dev-z',
        LITERAL: ['$', '{NotAVariable}'].join(''),
      },
      memory: '512',
    });
    const put = await runner.invoke({ functionName: 'ItemsFunction', payloadJson: fn?.events.put ?? '' });
    expect(payload(put)).toMatchObject({ statusCode: 201 });
    const scan = call('dynamodb', 'Scan', { TableName: 'sam-app-ItemsTable' });
    expect(scan.Items).toEqual([{ id: { S: 'a1' }, name: { S: 'lamp' } }]);
    const api = built.apis.find((a) => a.logicalId === 'ServerlessRestApi');
    expect(api).toMatchObject({ type: 'REST', stage: 'Prod' });
  });

  it('takes parameter overrides, and the condition follows them', async () => {
    const { runner } = await router.build(runtime, fixtureFiles('api-crud'), { Stage: 'prod' }, 2);
    const env = payload(await runner.invoke({ functionName: 'ItemsFunction', payloadJson: '{}' }));
    expect(env.memory).toBe('1024');
    expect(env.env.STAGE).toBe('prod');
  });
});

const queueUrl = (name: string) => `https://sqs.us-east-1.amazonaws.com/123456789012/${name}`;
const logText = (
  lab: { world: { logs: { events(g: string): readonly { message: string }[] } } },
  fn: string,
) =>
  lab.world.logs
    .events(`/aws/lambda/${fn}`)
    .map((e) => e.message)
    .join('\n');

describe('SAM fixture: queues (redrive, FIFO, SQS events with BatchSize, ReportBatchItemFailures, FilterCriteria)', () => {
  it('drains the queue into the FIFO queue, and a failing message ends in the dead-letter queue', async () => {
    const { lab, runner, call } = await router.build(runtime, fixtureFiles('queues'), {}, 3);
    const attrs = call('sqs', 'GetQueueAttributes', {
      QueueUrl: queueUrl('audit.fifo'),
      AttributeNames: ['All'],
    }).Attributes as Record<string, string>;
    expect(attrs.FifoQueue).toBe('true');
    for (const body of [{ id: 'o1' }, { id: 'o2' }, { id: 'o3', bad: true }])
      call('sqs', 'SendMessage', {
        QueueUrl: queueUrl('sam-app-OrdersQueue'),
        MessageBody: JSON.stringify(body),
      });
    await runner.advanceBy(120_000);
    const audited = logText(lab, 'Auditor');
    expect(audited).toContain('audited o1 orders');
    // The Auditor's FilterCriteria lets every order but o2 through.
    expect(audited).not.toContain('audited o2');
    expect(audited).not.toContain('o3');
    const dlq = call('sqs', 'GetQueueAttributes', {
      QueueUrl: queueUrl('sam-app-OrdersDlq'),
      AttributeNames: ['ApproximateNumberOfMessages'],
    }).Attributes as Record<string, string>;
    expect(dlq.ApproximateNumberOfMessages).toBe('1');
  });
});

describe('SAM fixture: streams (DynamoDB table with a sort key and a stream, Kinesis, their events)', () => {
  it('a new item and a Kinesis record each reach their function, which writes to the bucket', async () => {
    const { runner, built, call } = await router.build(runtime, fixtureFiles('streams'), {}, 4);
    expect(built.app.extras.OnOrder?.mappings).toHaveLength(1);
    call('dynamodb', 'PutItem', {
      TableName: 'sam-app-Orders',
      Item: { customer: { S: 'ada' }, placed: { N: '1' } },
    });
    call('kinesis', 'PutRecord', {
      StreamName: 'sam-app-Clicks',
      PartitionKey: 'p',
      Data: '{"button": "buy"}',
    });
    await runner.advanceBy(10_000);
    const listed = call('s3', 'ListObjectsV2', { Bucket: 'sam-app-results' }).Contents as { Key: string }[];
    expect(listed.map((o) => o.Key).sort()).toEqual(['clicks.json', 'orders/ada-1.json']);
  });
});

describe('SAM fixture: push (S3 with a prefix filter, SNS with a FilterPolicy, Schedule, EventBridgeRule)', () => {
  it('records each source that fires, and not the upload outside the prefix or the filtered alert', async () => {
    const { runner, call } = await router.build(runtime, fixtureFiles('push'), {}, 5);
    call('s3', 'PutObject', { Bucket: 'sam-app-uploads', Key: 'incoming/a.txt', Body: 'a' });
    call('s3', 'PutObject', { Bucket: 'sam-app-uploads', Key: 'other/b.txt', Body: 'b' });
    const alert = (Message: string, severity: string) =>
      call('sns', 'Publish', {
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:sam-app-Alerts',
        Message,
        MessageAttributes: { severity: { DataType: 'String', StringValue: severity } },
      });
    alert('hello', 'high');
    alert('quiet', 'low');
    call('events', 'PutEvents', {
      Entries: [{ Source: 'shop.returns', DetailType: 'ReturnFiled', Detail: '{}' }],
    });
    call('events', 'PutEvents', {
      Entries: [{ Source: 'shop.orders', DetailType: 'OrderShipped', Detail: '{}' }],
    });
    await runner.advanceBy(5 * 60_000 + 1000);
    const items = call('dynamodb', 'Scan', { TableName: 'sam-app-Seen' }).Items as {
      source: { S: string };
    }[];
    expect(new Set(items.map((i) => i.source.S))).toEqual(
      new Set(['s3:incoming/a.txt', 'sns:hello', 'events:OrderShipped', 'events:ReturnFiled', 'schedule']),
    );
    // The SNS::Subscription resource copies every alert to a queue (no filter policy there).
    const copies = call('sqs', 'GetQueueAttributes', {
      QueueUrl: queueUrl('sam-app-AlertCopies'),
      AttributeNames: ['ApproximateNumberOfMessages'],
    }).Attributes as Record<string, string>;
    expect(copies.ApproximateNumberOfMessages).toBe('2');
  });
});

describe('SAM fixture: config (secrets, parameters, concurrency, alias, DLQ, destinations, IAM role, permission)', () => {
  it('runs with the configuration, policies and identity the template gives', async () => {
    const { lab, runner, built, call } = await router.build(
      runtime,
      fixtureFiles('config'),
      { DbUser: 'ada' },
      6,
    );
    expect(built.app.warnings.map((w) => w.subject)).toEqual(['AWS::StepFunctions::StateMachine']);
    const fn = lab.world.getFunction('Connect');
    if (!fn.ok) throw new Error(fn.error.message);
    expect(fn.value).toMatchObject({ architecture: 'arm64', memorySize: 256 });
    expect(lab.world.concurrency().functions.Connect?.reserved).toBe(5);
    expect(lab.world.getProvisionedConcurrencyConfig('Connect', 'live')?.requested).toBe(1);
    // The version AutoPublishAlias published has the whole configuration, dead-letter queue included.
    const published = lab.world.getFunction('Connect', 'live');
    expect(published.ok && published.value.deadLetterTargetArn).toBe(
      'arn:aws:sqs:us-east-1:123456789012:sam-app-DeadLetters',
    );
    const live = await runner.invoke({ functionName: 'Connect', qualifier: 'live', payloadJson: '{}' });
    expect(payload(live)).toEqual({
      user: 'ada',
      host: 'db.internal',
      os_user: 'sbx_user1051',
      version: '1',
    });
    await runner.invoke({ functionName: 'Connect', invocationType: 'Event', payloadJson: '{"fail": true}' });
    await runner.advanceBy(60_000);
    const failures = call('sqs', 'ReceiveMessage', { QueueUrl: queueUrl('sam-app-Failures') }).Messages as {
      Body: string;
    }[];
    expect(JSON.parse(failures[0]?.Body ?? '{}')).toMatchObject({
      responsePayload: { errorMessage: 'database unreachable' },
    });
    // The template's own role allows the parameter and not the secret: IAM decides, as on AWS.
    const admin = payload(await runner.invoke({ functionName: 'Admin', payloadJson: '{}' }));
    expect(admin).toEqual({ host: 'db.internal', secret: 'ClientError: AccessDeniedException' });
    const policy = JSON.parse(String(call('lambda', 'GetPolicy', { FunctionName: 'Admin' }).Policy));
    expect(policy.Statement[0]).toMatchObject({
      Sid: 'AdminFromSns',
      Principal: { Service: 'sns.amazonaws.com' },
    });
  });
});

describe('an exported app runs in the lab as the original did', () => {
  it('builds the exported api-crud and stores an item through it', async () => {
    const original = readSamTemplate(appInput(fixtureFiles('api-crud')));
    const exported = exportSamFiles(original.workspace, original);
    const { runner, call } = await router.build(runtime, exported, {}, 7);
    const put = await runner.invoke({
      functionName: 'ItemsFunction',
      payloadJson: exported['events/ItemsFunction/put.json'] ?? '',
    });
    expect(payload(put)).toMatchObject({ statusCode: 201 });
    expect(call('dynamodb', 'Scan', { TableName: 'sam-app-ItemsTable' }).Count).toBe(1);
  });
});

describe('the opened workspace is what the world runs', () => {
  it('a Deploy of any of its functions changes nothing (HTTP routes and FIFO mappings included)', async () => {
    for (const [name, seed] of [
      ['http-api', 8],
      ['queues', 9],
      ['push', 10],
      ['config', 11],
    ] as const) {
      const { lab, built } = await router.build(runtime, fixtureFiles(name), {}, seed);
      for (const fn of Object.keys(built.app.workspace.functions)) {
        const done = deployDraft(lab, fn, built.app.workspace);
        expect(done.ok && done.steps, `${name} ${fn}`).toEqual([]);
      }
    }
  });
});
