/** API Gateway WebSocket APIs with the scripted runtime: routes, events, pushes, GoneException, timeouts. */
import { describe, expect, it } from 'vitest';
import { selectRoute, WS_IDLE_TIMEOUT_MS } from './apiGatewayWs';
import type { JsonObject } from './json';
import { createLab, type Lab, recordingScript } from './labTestSupport';

type Respond = Parameters<typeof recordingScript>[0];
const FN_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:chat';

function setup(respond?: Respond, routes = ['$connect', '$disconnect', '$default', 'sendmessage']) {
  const rec = recordingScript(respond);
  const lab = createLab(rec.script);
  lab.fn(
    'chat',
    lab.role('chat-role', ['AWSLambdaBasicExecutionRole'], {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'execute-api:ManageConnections',
          Resource: 'arn:aws:execute-api:us-east-1:123456789012:*/@connections/*',
        },
      ],
    }),
  );
  const api = lab.ok('apigatewayv2', 'CreateApi', {
    Name: 'chat',
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
  });
  const apiId = String(api.ApiId);
  const integ = lab.ok('apigatewayv2', 'CreateIntegration', {
    ApiId: apiId,
    IntegrationType: 'AWS_PROXY',
    IntegrationUri: FN_ARN,
  });
  for (const key of routes)
    lab.ok('apigatewayv2', 'CreateRoute', {
      ApiId: apiId,
      RouteKey: key,
      Target: `integrations/${String(integ.IntegrationId)}`,
    });
  lab.ok('apigatewayv2', 'CreateStage', { ApiId: apiId, StageName: 'dev' });
  lab.ok('lambda', 'AddPermission', {
    FunctionName: 'chat',
    StatementId: 'ws',
    Action: 'lambda:InvokeFunction',
    Principal: 'apigateway.amazonaws.com',
    SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*`,
  });
  return { lab, log: rec.log, apiId, ws: lab.services.websocket, api };
}

const post = (lab: Lab, endpoint: string, id: string, data: string, caller = 'chat') =>
  lab.call(
    'apigatewaymanagementapi',
    'PostToConnection',
    { $endpoint: endpoint, ConnectionId: id, Data: data },
    caller,
  );

describe('API Gateway WebSocket APIs', () => {
  it('picks the route by the route selection expression, falling back to $default', () => {
    expect(selectRoute('$request.body.action', '{"action":"sendmessage","x":1}')).toBe('sendmessage');
    expect(selectRoute('$request.body.meta.kind', '{"meta":{"kind":"ping"}}')).toBe('ping');
    expect(selectRoute('$request.body.action', 'not json')).toBeNull();
    expect(selectRoute('$request.body.action', '{"other":1}')).toBeNull();
  });

  it('gives $connect, message and $disconnect events the shapes API Gateway sends', () => {
    const { lab, log, ws, apiId, api } = setup();
    expect(api.ApiEndpoint).toBe(`wss://${apiId}.execute-api.us-east-1.amazonaws.com`);
    const c = ws.connect(apiId, 'dev', { query: { room: 'blue' } });
    expect(c.state).toBe('connecting');
    lab.run();
    expect(c.state).toBe('open');
    expect(c.id).toMatch(/^[A-Za-z0-9_-]{15}=$/);
    ws.send(c.id, '{"action":"sendmessage","text":"hi"}');
    ws.send(c.id, 'plain text');
    lab.run();
    ws.close(c.id, 1001);
    lab.run();
    const [connect, msg, fallback, disconnect] = log.map((l) => l.event);
    const ctx = (e: JsonObject | undefined) => e?.requestContext as JsonObject;
    expect(Object.keys(connect!)).toEqual([
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'requestContext',
      'isBase64Encoded',
    ]);
    expect(connect!.queryStringParameters).toEqual({ room: 'blue' });
    expect(ctx(connect)).toMatchObject({
      routeKey: '$connect',
      eventType: 'CONNECT',
      messageDirection: 'IN',
      stage: 'dev',
      connectionId: c.id,
      apiId,
      domainName: `${apiId}.execute-api.us-east-1.amazonaws.com`,
    });
    expect(String(ctx(connect).requestTime)).toMatch(/^\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Object.keys(msg!)).toEqual(['requestContext', 'body', 'isBase64Encoded']);
    expect(ctx(msg)).toMatchObject({ routeKey: 'sendmessage', eventType: 'MESSAGE', connectionId: c.id });
    expect(ctx(msg).messageId).toMatch(/=$/);
    expect(msg!.body).toBe('{"action":"sendmessage","text":"hi"}');
    expect(ctx(fallback).routeKey).toBe('$default');
    expect(ctx(disconnect)).toMatchObject({
      routeKey: '$disconnect',
      eventType: 'DISCONNECT',
      disconnectStatusCode: 1001,
    });
  });

  it('pushes to an open connection and answers GoneException once it is closed or unknown', () => {
    const { lab, ws, apiId } = setup();
    const c = ws.connect(apiId, 'dev');
    lab.run();
    const endpoint = ws.endpoint(apiId, 'dev');
    expect(post(lab, endpoint, c.id, 'hello').kind).toBe('result');
    expect(c.frames.map((f) => [f.kind, f.data])).toEqual([['push', 'hello']]);
    ws.close(c.id);
    lab.run();
    expect(post(lab, endpoint, c.id, 'late')).toMatchObject({
      kind: 'error',
      error: { code: 'GoneException', httpStatus: 410 },
    });
    expect(post(lab, endpoint, 'nobodyHere1234=', 'x')).toMatchObject({ error: { code: 'GoneException' } });
    const noEndpoint = lab.call('apigatewaymanagementapi', 'PostToConnection', {
      ConnectionId: c.id,
      Data: 'x',
    });
    expect(noEndpoint).toMatchObject({ kind: 'error', error: { code: 'BadRequestException' } });
  });

  it('refuses the connection when $connect answers a non-2xx status, and cannot push during $connect', () => {
    let gone: unknown = null;
    const { lab, ws, apiId } = setup((_fn, event) => {
      const ctx = event.requestContext as JsonObject;
      if (ctx.eventType !== 'CONNECT') return { status: 'success', json: 'null' };
      gone = post(lab, ws.endpoint(apiId, 'dev'), String(ctx.connectionId), 'too early');
      return { status: 'success', json: '{"statusCode": 401}' };
    });
    const c = ws.connect(apiId, 'dev');
    lab.run();
    expect(c.state).toBe('refused');
    expect(c.statusCode).toBe(401);
    expect(gone).toMatchObject({ error: { code: 'GoneException' } });
    expect(() => ws.send(c.id, 'x')).toThrow(/not open/);
  });

  it('tells the client Forbidden when no route matches and Internal server error when the function fails', () => {
    const { lab, ws, apiId } = setup(
      (_fn, event) =>
        (event.requestContext as JsonObject).routeKey === 'sendmessage'
          ? { status: 'error', message: 'boom' }
          : { status: 'success', json: '{"statusCode": 200}' },
      ['$connect', 'sendmessage'],
    );
    const c = ws.connect(apiId, 'dev');
    lab.run();
    ws.send(c.id, '{"action":"nothing"}');
    ws.send(c.id, '{"action":"sendmessage"}');
    lab.run();
    const errors = c.frames.map((f) => JSON.parse(f.data) as JsonObject);
    expect(errors.map((e) => e.message)).toEqual(['Forbidden', 'Internal server error']);
    expect(Object.keys(errors[0]!)).toEqual(['message', 'connectionId', 'requestId']);
  });

  it('closes an idle connection after 10 minutes with 1001 and runs $disconnect', () => {
    const { lab, log, ws, apiId } = setup();
    const c = ws.connect(apiId, 'dev');
    lab.run();
    lab.advance(WS_IDLE_TIMEOUT_MS - 1000);
    expect(c.state).toBe('open');
    lab.advance(2000);
    expect(c.state).toBe('closed');
    expect(c.statusCode).toBe(1001);
    expect((log.at(-1)!.event.requestContext as JsonObject).routeKey).toBe('$disconnect');
  });

  it('needs execute-api:ManageConnections on the connection ARN to push from a function', () => {
    const { lab, ws, apiId } = setup();
    const c = ws.connect(apiId, 'dev');
    lab.run();
    lab.fn('other', lab.role('other-role', ['AWSLambdaBasicExecutionRole']));
    expect(post(lab, ws.endpoint(apiId, 'dev'), c.id, 'x', 'chat').kind).toBe('result');
    const e = post(lab, ws.endpoint(apiId, 'dev'), c.id, 'x', 'other');
    expect(e).toMatchObject({ kind: 'error', error: { code: 'AccessDeniedException' } });
    if (e.kind === 'error')
      expect(e.error.message).toContain(
        `execute-api:ManageConnections on resource: arn:aws:execute-api:us-east-1:123456789012:${apiId}/dev/POST/@connections/${c.id}`,
      );
  });
});
