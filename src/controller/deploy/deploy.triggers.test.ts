import { describe, expect, it } from 'vitest';
import type { TriggerSpec } from '../../store/workspaceDoc';
import { deployedTriggers, policyStatements } from './deploy';
import { type DeployHarness, deployHarness, FN, sqsTrigger } from './deployFixture';

const ACCOUNT = '123456789012';
const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${FN}`;

function withTriggers(h: DeployHarness, triggers: TriggerSpec[], policies = ['AWSLambdaBasicExecutionRole']) {
  h.edit((d) => ({ ...d, triggers, role: { ...d.role, managedPolicies: policies } }));
}

const invocations = (h: DeployHarness) =>
  h.lab.world.trace.events.filter((e) => e.name === 'lambda.invoke.start' && e.functionName === FN).length;

describe('deploy: polling triggers get an event source mapping', () => {
  it('creates the queue and the mapping; a message sent to the queue invokes the function', async () => {
    const h = deployHarness();
    withTriggers(
      h,
      [sqsTrigger('jobs', { batchSize: 5, reportBatchItemFailures: true })],
      ['AWSLambdaBasicExecutionRole', 'AWSLambdaSQSQueueExecutionRole'],
    );
    expect(await h.deploy()).toMatchObject({ ok: true });
    const [view] = deployedTriggers(h.lab, FN);
    expect(view?.info.created).toEqual([expect.stringMatching(/^queue jobs/)]);
    expect(view?.statement).toBeNull();
    expect(view?.mapping).toMatchObject({
      EventSourceArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
      FunctionArn: FN_ARN,
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const url = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/jobs`;
    h.lab.consoleCall('sqs', 'SendMessage', { QueueUrl: url, MessageBody: 'hello' });
    await h.runner.advanceBy(30_000);
    expect(invocations(h)).toBe(1);
  });

  it('creates a table with a stream for a DynamoDB trigger, and maps the stream', async () => {
    const h = deployHarness();
    withTriggers(
      h,
      [{ kind: 'dynamodb', id: 'orders', table: 'Orders', startingPosition: 'LATEST', batchSize: 100 }],
      ['AWSLambdaBasicExecutionRole', 'AWSLambdaDynamoDBExecutionRole'],
    );
    expect(await h.deploy()).toMatchObject({ ok: true });
    const [view] = deployedTriggers(h.lab, FN);
    expect(view?.mapping?.EventSourceArn).toMatch(/table\/Orders\/stream\//);
    h.lab.consoleCall('dynamodb', 'PutItem', { TableName: 'Orders', Item: { id: { S: 'o-1' } } });
    await h.runner.advanceBy(5_000);
    expect(invocations(h)).toBe(1);
  });
});

describe('deploy: push triggers add a resource-based policy statement', () => {
  it('S3: the bucket, its notification and the statement for s3.amazonaws.com from that bucket', async () => {
    const h = deployHarness();
    withTriggers(h, [
      { kind: 's3', id: 'up', bucket: 'photos', events: ['s3:ObjectCreated:*'], prefix: 'in/', suffix: '' },
    ]);
    expect(await h.deploy()).toMatchObject({ ok: true });
    const [view] = deployedTriggers(h.lab, FN);
    expect(view?.statement).toEqual({
      Sid: 'lambda-up',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: FN_ARN,
      Condition: {
        ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::photos' },
        StringEquals: { 'AWS:SourceAccount': ACCOUNT },
      },
    });
    h.lab.consoleCall('s3', 'PutObject', { Bucket: 'photos', Key: 'out/a.txt', Body: { $b64: 'eA==' } });
    h.lab.consoleCall('s3', 'PutObject', { Bucket: 'photos', Key: 'in/b.txt', Body: { $b64: 'eA==' } });
    await h.runner.advanceBy(1_000);
    expect(invocations(h)).toBe(1);
  });

  it('SNS: topic, lambda subscription and statement; a publish invokes the function', async () => {
    const h = deployHarness();
    withTriggers(h, [{ kind: 'sns', id: 'alerts', topic: 'alerts' }]);
    expect(await h.deploy()).toMatchObject({ ok: true });
    const [view] = deployedTriggers(h.lab, FN);
    expect(view?.statement?.Principal).toEqual({ Service: 'sns.amazonaws.com' });
    h.lab.consoleCall('sns', 'Publish', { TopicArn: view?.info.sourceArn ?? '', Message: 'hi' });
    await h.runner.advanceBy(1_000);
    expect(invocations(h)).toBe(1);
  });

  it('EventBridge: a schedule rule targets the function and fires it', async () => {
    const h = deployHarness();
    withTriggers(h, [
      {
        kind: 'eventbridge',
        id: 'tick',
        ruleName: 'every-minute',
        mode: 'schedule',
        schedule: 'rate(1 minute)',
        eventPattern: '',
      },
    ]);
    expect(await h.deploy()).toMatchObject({ ok: true });
    const [view] = deployedTriggers(h.lab, FN);
    expect(view?.statement?.Condition).toMatchObject({
      ArnLike: { 'AWS:SourceArn': `arn:aws:events:us-east-1:${ACCOUNT}:rule/every-minute` },
    });
    await h.runner.advanceBy(150_000);
    expect(invocations(h)).toBe(2);
  });

  it('API Gateway (REST): the API, method, stage and statement; a request reaches the function', async () => {
    const h = deployHarness({
      invoke: { outcome: { status: 'success', responseJson: '{"statusCode": 200, "body": "ok"}' } },
    });
    withTriggers(h, [
      {
        kind: 'apigateway',
        id: 'api',
        apiType: 'REST',
        apiName: 'hello-api',
        method: 'GET',
        path: '/hello',
        stage: 'default',
      },
    ]);
    expect(await h.deploy()).toMatchObject({ ok: true });
    const [view] = deployedTriggers(h.lab, FN);
    expect(view?.info.invokeUrl).toMatch(
      /^https:\/\/\w+\.execute-api\.us-east-1\.amazonaws\.com\/default\/hello$/,
    );
    expect(String(view?.statement?.Condition && JSON.stringify(view.statement.Condition))).toMatch(
      /\/\*\/GET\/hello/,
    );
    const apiId = /https:\/\/(\w+)\./.exec(view?.info.invokeUrl ?? '')?.[1] ?? '';
    const pending = h.lab.services.apigateway.request({
      apiId,
      stage: 'default',
      method: 'GET',
      path: '/hello',
    });
    await h.runner.advanceBy(1_000);
    expect(pending.response()).toMatchObject({ statusCode: 200, body: 'ok' });
  });

  it('removes a trigger the draft no longer has, and re-creates one whose settings changed', async () => {
    const h = deployHarness();
    const roles = ['AWSLambdaBasicExecutionRole', 'AWSLambdaSQSQueueExecutionRole'];
    withTriggers(h, [sqsTrigger('jobs'), { kind: 'sns', id: 'alerts', topic: 'alerts' }], roles);
    await h.deploy();
    withTriggers(h, [sqsTrigger('jobs', { batchSize: 3 })], roles);
    expect(await h.deploy()).toMatchObject({ ok: true, steps: ['triggers'] });
    expect(policyStatements(h.lab, FN)).toEqual([]);
    const views = deployedTriggers(h.lab, FN);
    expect(views.map((v) => v.mapping?.BatchSize)).toEqual([3]);
    expect(h.lab.services.esm.list(FN)).toHaveLength(1);
  });
});

describe('trigger settings are checked by the simulator before the world is touched', () => {
  it.each([
    [sqsTrigger('q', { batchSize: 20 }), /batch window in seconds must be greater than 0/],
    [sqsTrigger('q', { batchSize: 20_000, batchWindowS: 1 }), /BatchSize must be between 1 and 10000/],
    [
      {
        kind: 'eventbridge',
        id: 'x',
        ruleName: 'r',
        mode: 'schedule',
        schedule: 'rate(5 minute)',
        eventPattern: '',
      },
      /ScheduleExpression is not valid/,
    ],
    [
      { kind: 'eventbridge', id: 'x', ruleName: 'r', mode: 'pattern', schedule: '', eventPattern: '[1]' },
      /Event pattern is not valid/,
    ],
    [{ kind: 's3', id: 'x', bucket: 'b', events: [], prefix: '', suffix: '' }, /at least one event type/],
  ] as [TriggerSpec, RegExp][])('%j', async (trigger, message) => {
    const h = deployHarness();
    withTriggers(h, [trigger], ['AWSLambdaBasicExecutionRole', 'AWSLambdaSQSQueueExecutionRole']);
    const outcome = await h.deploy();
    expect(outcome).toMatchObject({
      ok: false,
      field: `trigger:${trigger.id}`,
      message: expect.stringMatching(message),
    });
    expect(h.lab.world.getFunction(FN).ok).toBe(false);
  });
});
