import { describe, expect, it } from 'vitest';
import type { Lab } from '../../sim/services/labTestSupport';
import { createLab } from '../../sim/services/labTestSupport';
import { createTestWorld } from '../../sim/testWorld';
import { createSqsLab } from '../testing/sqsLab';
import { inspectToken } from './inspectToken';
import { flowFrameAt, toFlowModel } from './toFlowModel';

const boom = {
  outcome: {
    status: 'error',
    error: { errorMessage: 'boom', errorType: 'ValueError', requestId: '', stackTrace: [] },
  },
} as const;
const DLQ = 'arn:aws:sqs:us-east-1:123456789012:dlq';

describe('toFlowModel', () => {
  it('sends a sync request from the client to the function and the response back on the same edge', () => {
    const t = createTestWorld({}, { invoke: { sleepMs: 50 } }).createFunction({ functionName: 'f' });
    t.invoke({ functionName: 'f' }).advanceBy(1000);
    const m = toFlowModel(t.world.trace.events);
    expect(m.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['fn:f', 'lambda'],
      ['client', 'client'],
    ]);
    const client = m.nodes.find((n) => n.id === 'client')!;
    const fn = m.nodes.find((n) => n.id === 'fn:f')!;
    expect(client.x).toBeLessThan(fn.x);
    expect(m.edges.map((e) => e.id)).toEqual(['client->fn:f']);
    expect(m.tokens.map((k) => [k.outcome, k.reverse])).toEqual([
      ['pending', false],
      ['success', true],
    ]);
    const req = m.tokens[0]!;
    // Cold: the request is on its way while the environment initializes.
    expect(req.endMs - req.startMs).toBeGreaterThan(80);
    const mid = flowFrameAt(m, (req.startMs + req.endMs) / 2, 0);
    expect(mid).toHaveLength(1);
    expect(mid[0]!.progress).toBeCloseTo(0.5, 4);
    expect(mid[0]!.x).toBeGreaterThan(client.x + client.width);
    expect(mid[0]!.x).toBeLessThan(fn.x);
    const resp = m.tokens[1]!;
    expect(flowFrameAt(m, resp.startMs + 100, 200)[0]!.token.outcome).toBe('success');
    expect(flowFrameAt(m, resp.startMs + 100, 50)).toEqual([]);
  });

  it('routes async events through the modeled async queue, with retries and the DLQ', () => {
    const t = createTestWorld({}, { invoke: boom }).createFunction({
      functionName: 'f',
      deadLetterConfig: { targetArn: DLQ },
    });
    t.invoke({ functionName: 'f', invocationType: 'Event' }).advanceBy(10 * 60_000);
    const m = toFlowModel(t.world.trace.events);
    const queue = m.nodes.find((n) => n.kind === 'asyncQueue')!;
    expect(queue.modeled).toBe(true);
    expect(m.nodes.find((n) => n.kind === 'dlq')?.label).toBe('dlq');
    const outcomes = m.tokens.map((k) => k.outcome);
    expect(outcomes.filter((o) => o === 'retry')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'error')).toHaveLength(3);
    expect(outcomes[outcomes.length - 1]).toBe('dlq');
    const retry = m.tokens.find((k) => k.outcome === 'retry')!;
    expect(retry.endMs - retry.startMs).toBe(60_000);
    expect(m.edges.find((e) => e.id === retry.edgeId)?.from).toBe(queue.id);
  });

  it('marks throttled requests', () => {
    const t = createTestWorld({}, { invoke: { sleepMs: 500 } }).createFunction({ functionName: 'f' });
    t.do((w) => w.putFunctionConcurrency('f', 1));
    t.invoke({ functionName: 'f' }).invoke({ functionName: 'f' }).advanceBy(2000);
    expect(toFlowModel(t.world.trace.events).tokens.filter((k) => k.outcome === 'throttle')).toHaveLength(1);
  });

  it('draws SQS, its poller, the function and the redrive DLQ from the service trace', () => {
    const q = createSqsLab({ batchSize: 10, visibilityTimeoutS: 5, maxReceiveCount: 1, poison: ['x'] });
    q.send('x');
    q.map();
    q.lab.advance(20_000);
    const m = toFlowModel(q.lab.world.trace.events);
    const kinds = new Map(m.nodes.map((n) => [n.id, n.kind]));
    expect(kinds.get('sqs:orders')).toBe('sqs');
    expect(kinds.get('poller:orders')).toBe('poller');
    expect(kinds.get('dlq:orders-dlq')).toBe('dlq');
    expect(m.edges.map((e) => e.id)).toEqual(
      expect.arrayContaining(['client->sqs:orders', 'sqs:orders->poller:orders', 'poller:orders->fn:worker']),
    );
    const x = (id: string) => m.nodes.find((n) => n.id === id)!.x;
    expect(x('client')).toBeLessThan(x('sqs:orders'));
    expect(x('sqs:orders')).toBeLessThan(x('poller:orders'));
    expect(x('poller:orders')).toBeLessThan(x('fn:worker'));
    const outcomes = m.tokens.map((k) => k.outcome);
    expect(outcomes).toContain('retry');
    expect(outcomes[outcomes.length - 1]).toBe('dlq');
  });

  it('links SNS fan-out and API Gateway requests to the invokes they make', () => {
    const lab = createLab({
      invoke: { outcome: { status: 'success', responseJson: '{"statusCode":200,"body":"ok"}' } },
    });
    lab.fn('a', lab.role('r'));
    const topic = String(lab.ok('sns', 'CreateTopic', { Name: 'alerts' }).TopicArn);
    lab.ok('sns', 'Subscribe', {
      TopicArn: topic,
      Protocol: 'lambda',
      Endpoint: 'arn:aws:lambda:us-east-1:123456789012:function:a',
    });
    lab.ok('lambda', 'AddPermission', {
      FunctionName: 'a',
      StatementId: 'sns',
      Action: 'lambda:InvokeFunction',
      Principal: 'sns.amazonaws.com',
      SourceArn: topic,
    });
    lab.ok('sns', 'Publish', { TopicArn: topic, Message: 'hi' });
    lab.run();
    const api = apiFor(lab, 'a');
    lab.services.apigateway.request({
      apiId: api,
      stage: 'prod',
      method: 'GET',
      path: '/x',
      query: {},
      body: null,
    });
    lab.run();
    const m = toFlowModel(lab.world.trace.events);
    const ids = m.edges.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        `client->sns:${topic}`,
        `sns:${topic}->async:a`,
        'async:a->fn:a',
        `client->api:${api}`,
        `api:${api}->fn:a`,
      ]),
    );
    expect(ids).not.toContain('client->async:a');
    const back = m.tokens.filter((k) => k.edgeId === `client->api:${api}` && k.reverse);
    expect(back.map((k) => k.outcome)).toEqual(['success']);
  });

  it('draws configured resources before any traffic', () => {
    const m = toFlowModel([], {
      topology: {
        nodes: [
          { id: 'api:shop', kind: 'apigateway', label: 'shop API' },
          { id: 'fn:f', kind: 'lambda', label: 'f' },
        ],
        edges: [{ from: 'api:shop', to: 'fn:f' }],
      },
    });
    expect(m.nodes.map((n) => n.x)).toEqual([16, 16 + 132 + 72]);
    expect(m.edges[0]!.points).toHaveLength(2);
  });
});

describe('inspectToken', () => {
  it('shows the hop event, its invocation and its log lines', () => {
    const logs = [{ offsetMs: 1, text: 'hello from the handler' }];
    const t = createTestWorld({}, { invoke: { sleepMs: 10, logs } }).createFunction({ functionName: 'f' });
    t.invoke({ functionName: 'f' }).advanceBy(1000).invoke({ functionName: 'f' }, 'second').advanceBy(1000);
    const m = toFlowModel(t.world.trace.events);
    const token = m.tokens.find((k) => k.ref === t.requestId('second') && k.outcome === 'success')!;
    const d = inspectToken(t.world.trace.events, token)!;
    expect(d.eventName).toBe('lambda.invoke.end');
    expect(JSON.parse(d.eventJson)).toMatchObject({ requestId: t.requestId('second'), status: 'success' });
    expect(d.invocations).toMatchObject([
      { requestId: t.requestId('second'), cold: false, status: 'success' },
    ]);
    expect(d.logLines[0]).toMatch(/^START RequestId: /);
    expect(d.logLines).toContain('hello from the handler');
    expect(d.logLines.some((l) => l.startsWith('INIT_START'))).toBe(false);
    expect(d.logLines.filter((l) => l.startsWith('REPORT'))).toHaveLength(1);
  });
});

/** A REST API with one proxy route to the function, deployed to prod (as in the services' own tests). */
function apiFor(lab: Lab, fn: string): string {
  const api = lab.ok('apigateway', 'CreateRestApi', { name: 'shop' });
  const apiId = String(api.id);
  const proxy = lab.ok('apigateway', 'CreateResource', {
    restApiId: apiId,
    parentId: String(api.rootResourceId),
    pathPart: '{proxy+}',
  });
  const common = { restApiId: apiId, resourceId: String(proxy.id), httpMethod: 'ANY' };
  lab.ok('apigateway', 'PutMethod', { ...common, authorizationType: 'NONE' });
  lab.ok('apigateway', 'PutIntegration', {
    ...common,
    type: 'AWS_PROXY',
    integrationHttpMethod: 'POST',
    uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations`,
  });
  lab.ok('apigateway', 'CreateDeployment', { restApiId: apiId, stageName: 'prod' });
  lab.ok('lambda', 'AddPermission', {
    FunctionName: fn,
    StatementId: 'apigw',
    Action: 'lambda:InvokeFunction',
    Principal: 'apigateway.amazonaws.com',
    SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*/*/*`,
  });
  return apiId;
}
