import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../host/eventTemplates';
import { createConsoleTestLab } from './consoleFixture';
import {
  closeWebSocket,
  createWebSocketApi,
  listWebSocketApis,
  openWebSocket,
  pushToConnection,
  sendWebSocket,
} from './consoleWebSocket';

describe('WebSocket APIs from the console', () => {
  it('refuses a custom route key the console cannot create, creating nothing', async () => {
    const t = createConsoleTestLab();
    await t.addFunction('chat');
    const r = await createWebSocketApi(t, {
      functionName: 'chat',
      stage: 'production',
      customRoutes: 'ok, $bad',
    });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('Route key "$bad"') });
    expect(listWebSocketApis(t.lab)).toEqual([]);
  });

  it('creates the routes and the invoke permission, then connects, replies on $default, pushes and goes', async () => {
    const t = createConsoleTestLab({
      invoke: () => ({ outcome: { status: 'success', responseJson: '{"statusCode": 200, "body": "pong"}' } }),
    });
    await t.addFunction('chat');
    const created = await createWebSocketApi(t, {
      functionName: 'chat',
      stage: 'production',
      customRoutes: 'join join',
    });
    if (!created.ok) throw new Error(created.error);
    const [api] = listWebSocketApis(t.lab);
    expect(api?.routes.map((r) => [r.routeKey, r.functionName])).toEqual([
      ['$connect', 'chat'],
      ['$disconnect', 'chat'],
      ['$default', 'chat'],
      ['join', 'chat'],
    ]);
    expect(api?.url).toBe(`wss://${created.value.apiId}.execute-api.us-east-1.amazonaws.com/production`);
    const conn = await openWebSocket(t, created.value.apiId, 'production', '?user=ada');
    if (!conn.ok) throw new Error(conn.error);
    expect(conn.value.state).toBe('open');
    expect(await sendWebSocket(t, conn.value.id, 'ping')).toEqual({ ok: true, value: null });
    // A one-way custom route runs the function but sends nothing back.
    expect(await sendWebSocket(t, conn.value.id, '{"action": "join"}')).toEqual({ ok: true, value: null });
    expect((await pushToConnection(t, created.value.apiId, 'production', conn.value.id, 'news')).ok).toBe(
      true,
    );
    const c = t.lab.services.websocket.connection(conn.value.id);
    expect(c?.frames.map((f) => [f.kind, f.data])).toEqual([
      ['reply', 'pong'],
      ['push', 'news'],
    ]);
    expect(t.invocations('chat')).toHaveLength(3);
    expect(await closeWebSocket(t, conn.value.id)).toEqual({ ok: true, value: null });
    expect(await pushToConnection(t, created.value.apiId, 'production', conn.value.id, 'late')).toMatchObject(
      {
        ok: false,
        code: 'GoneException',
      },
    );
    expect(await sendWebSocket(t, conn.value.id, 'x')).toMatchObject({
      ok: false,
      error: 'The connection is not open.',
    });
  });

  it('offers $connect and message sample events shaped like the ones the API sends', async () => {
    const events: { [k: string]: unknown }[] = [];
    const t = createConsoleTestLab({
      invoke: (request) => {
        events.push(JSON.parse(request.eventJson) as { [k: string]: unknown });
        return { outcome: { status: 'success', responseJson: '{"statusCode": 200}' } };
      },
    });
    await t.addFunction('chat');
    const created = await createWebSocketApi(t, {
      functionName: 'chat',
      stage: 'production',
      customRoutes: '',
    });
    if (!created.ok) throw new Error(created.error);
    const conn = await openWebSocket(t, created.value.apiId, 'production', 'token=abc');
    if (!conn.ok) throw new Error(conn.error);
    await sendWebSocket(t, conn.value.id, 'hi');
    const connect = findTemplate('apigateway', 'websocket-connect')?.build({ query: 'token=abc' }) as {
      [k: string]: { [k: string]: unknown };
    };
    const message = findTemplate('apigateway', 'websocket-message')?.build({
      route: '$default',
      body: 'hi',
    }) as {
      [k: string]: { [k: string]: unknown };
    };
    const keys = (e: { [k: string]: unknown } | undefined) => Object.keys(e ?? {});
    expect(keys(connect)).toEqual(keys(events[0]));
    expect(keys(connect.requestContext)).toEqual(keys(events[0]?.requestContext as { [k: string]: unknown }));
    expect(connect.queryStringParameters).toEqual({ token: 'abc' });
    expect(keys(message)).toEqual(keys(events[1]));
    expect(keys(message.requestContext)).toEqual(keys(events[1]?.requestContext as { [k: string]: unknown }));
    expect(message.body).toBe('hi');
  });
});
