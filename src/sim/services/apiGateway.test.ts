import { describe, expect, it } from 'vitest';
import type { HttpResponse } from './apiGateway';
import { apiGatewayV1Event } from './events/apiGatewayEvent';
import type { JsonObject } from './json';
import { createLab, recordingScript } from './labTestSupport';

function setup(respond: Parameters<typeof recordingScript>[0], sleepMs = 0, timeout = 3, qualifier = '') {
  const rec = recordingScript(respond);
  const invoke = rec.script.invoke!;
  const lab = createLab({
    invoke: typeof invoke === 'function' ? (q, e) => ({ ...invoke(q, e), sleepMs }) : invoke,
  });
  lab.fn('api', lab.role('api-role', ['AWSLambdaBasicExecutionRole']), timeout);
  const api = lab.ok('apigateway', 'CreateRestApi', { name: 'shop' });
  const apiId = String(api.id);
  const proxy = lab.ok('apigateway', 'CreateResource', {
    restApiId: apiId,
    parentId: String(api.rootResourceId),
    pathPart: '{proxy+}',
  });
  lab.ok('apigateway', 'PutMethod', {
    restApiId: apiId,
    resourceId: String(proxy.id),
    httpMethod: 'ANY',
    authorizationType: 'NONE',
  });
  lab.ok('apigateway', 'PutIntegration', {
    restApiId: apiId,
    resourceId: String(proxy.id),
    httpMethod: 'ANY',
    type: 'AWS_PROXY',
    integrationHttpMethod: 'POST',
    uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:api${qualifier}/invocations`,
  });
  lab.ok('apigateway', 'CreateDeployment', {
    restApiId: apiId,
    stageName: 'prod',
    variables: { table: 'orders' },
  });
  lab.ok('lambda', 'AddPermission', {
    FunctionName: 'api',
    StatementId: 'apigw',
    Action: 'lambda:InvokeFunction',
    Principal: 'apigateway.amazonaws.com',
    SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*/*/*`,
  });
  return { lab, apiId, log: rec.log };
}

function get(
  lab: ReturnType<typeof setup>['lab'],
  apiId: string,
  path: string,
  method = 'GET',
): HttpResponse {
  const p = lab.services.apigateway.request({
    apiId,
    stage: 'prod',
    method,
    path,
    query: { q: ['1', '2'] },
    body: null,
  });
  lab.run();
  const r = p.response();
  if (!r) throw new Error('no response');
  return r;
}

describe('API Gateway REST proxy integration', () => {
  it('invokes the alias named in the integration ARN, not $LATEST', () => {
    const { lab, apiId } = setup(
      () => ({ status: 'success', json: '{"statusCode": 200, "body": "ok"}' }),
      0,
      3,
      ':live',
    );
    const published = lab.world.publishVersion('api');
    expect(published.ok).toBe(true);
    expect(lab.world.createAlias('api', 'live', '1').ok).toBe(true);
    expect(get(lab, apiId, '/orders').statusCode).toBe(200);
    const starts = lab.world.trace.events.filter((e) => e.name === 'lambda.invoke.start');
    expect(starts.map((e) => (e as { version?: string }).version)).toEqual(['1']);
  });

  it('sends the v1 event with every top-level key, path parameters and stage variables', () => {
    const { lab, apiId, log } = setup(() => ({
      status: 'success',
      json: JSON.stringify({ statusCode: 201, headers: { 'X-A': 'b' }, body: '{"ok":true}' }),
    }));
    const r = get(lab, apiId, '/orders/42');
    expect(r).toEqual({
      statusCode: 201,
      headers: { 'X-A': 'b' },
      body: '{"ok":true}',
      isBase64Encoded: false,
    });
    const event = log[0]!.event;
    expect(Object.keys(event)).toEqual(Object.keys(apiGatewayV1Event()));
    expect(event).toMatchObject({
      resource: '/{proxy+}',
      path: '/orders/42',
      httpMethod: 'GET',
      body: null,
      isBase64Encoded: false,
      pathParameters: { proxy: 'orders/42' },
      stageVariables: { table: 'orders' },
      queryStringParameters: { q: '2' },
      multiValueQueryStringParameters: { q: ['1', '2'] },
    });
    const ctx = event.requestContext as JsonObject;
    expect(Object.keys(ctx)).toEqual(Object.keys(apiGatewayV1Event().requestContext as JsonObject));
    expect(ctx).toMatchObject({
      stage: 'prod',
      path: '/prod/orders/42',
      resourcePath: '/{proxy+}',
      apiId,
      protocol: 'HTTP/1.1',
    });
    expect(String(ctx.requestTime)).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(lab.services.apigateway.invokeUrl(apiId, 'prod')).toBe(
      `https://${apiId}.execute-api.us-east-1.amazonaws.com/prod`,
    );
  });

  it.each([
    ['a body that is not a string', JSON.stringify({ statusCode: 200, body: { ok: true } })],
    ['no statusCode', JSON.stringify({ body: 'x' })],
    ['a plain string', JSON.stringify('hello')],
    ['an unknown key', JSON.stringify({ statusCode: 200, body: 'x', extra: 1 })],
  ])('answers 502 Internal server error for %s', (_label, json) => {
    const { lab, apiId } = setup(() => ({ status: 'success', json }));
    expect(get(lab, apiId, '/x')).toMatchObject({
      statusCode: 502,
      body: '{"message": "Internal server error"}',
    });
  });

  it('answers 502 when the function raises', () => {
    const { lab, apiId } = setup(() => ({ status: 'error', message: 'bug' }));
    expect(get(lab, apiId, '/x')).toMatchObject({
      statusCode: 502,
      body: '{"message": "Internal server error"}',
    });
  });

  it('answers 504 Endpoint request timed out after 29 s, even if the function runs on', () => {
    const { lab, apiId } = setup(
      () => ({ status: 'success', json: JSON.stringify({ statusCode: 200, body: 'late' }) }),
      40_000,
      60,
    );
    const r = get(lab, apiId, '/slow');
    expect(r).toMatchObject({ statusCode: 504, body: '{"message": "Endpoint request timed out"}' });
    const sent = lab.world.trace.events.find((e) => e.name === 'apigw.response');
    const asked = lab.world.trace.events.find((e) => e.name === 'apigw.request');
    expect(sent!.t - asked!.t).toBe(29_000);
  });

  it('answers 500 without the function permission, and 403 Missing Authentication Token for no route', () => {
    const { lab, apiId } = setup(() => ({ status: 'success', json: '{}' }));
    lab.ok('lambda', 'RemovePermission', { FunctionName: 'api', StatementId: 'apigw' });
    expect(get(lab, apiId, '/x')).toMatchObject({
      statusCode: 500,
      body: '{"message": "Internal server error"}',
    });
    const p = lab.services.apigateway.request({ apiId, stage: 'prod', method: 'GET', path: '/' });
    expect(p.response()).toMatchObject({
      statusCode: 403,
      body: '{"message":"Missing Authentication Token"}',
    });
  });
});

describe('HTTP API (payload v2.0)', () => {
  it('sends the v2 event and infers a 200 JSON response without statusCode', () => {
    const rec = recordingScript(() => ({ status: 'success', json: '{"hello":"world"}' }));
    const lab = createLab(rec.script);
    lab.fn('api', lab.role('r'));
    const apiId = lab.services.apigateway.createHttpApi('h', 'api');
    lab.ok('lambda', 'AddPermission', {
      FunctionName: 'api',
      StatementId: 'a',
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
    });
    const p = lab.services.apigateway.request({
      apiId,
      stage: '$default',
      method: 'POST',
      path: '/items',
      headers: { 'Content-Type': ['application/json'] },
      body: '{}',
    });
    lab.run();
    expect(p.response()).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"hello":"world"}',
      isBase64Encoded: false,
    });
    expect(rec.log[0]!.event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/items',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(rec.log[0]!.event).not.toHaveProperty('multiValueHeaders');
  });
});
