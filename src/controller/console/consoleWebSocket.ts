/**
 * WebSocket APIs from the console: create one in front of a function ($connect, $disconnect, a two-way
 * $default and custom routes), and act as a client: connect, send frames, close, and push to a connection
 * as `aws apigatewaymanagementapi post-to-connection` does. Each action waits in virtual time until the
 * routes it started have answered.
 */

import type { LabWorld } from '../../host/labWorld';
import type { WsConnection, WsFrame } from '../../sim/services/apiGatewayWs';
import { type ActionResult, allowInvoke, call, callAll, done, type LiveWorld, refuse } from './consoleCall';

export interface WebSocketApiView {
  readonly id: string;
  readonly name: string;
  /** `wss://{id}.execute-api.{region}.amazonaws.com/{stage}` for the first stage. */
  readonly url: string;
  readonly stages: readonly string[];
  readonly routeSelectionExpression: string;
  readonly routes: readonly { readonly routeKey: string; readonly functionName: string | null }[];
}

export interface WebSocketConnectionView {
  readonly id: string;
  readonly state: WsConnection['state'];
  readonly statusCode: number | null;
  readonly frames: readonly WsFrame[];
}

export function listWebSocketApis(lab: LabWorld): WebSocketApiView[] {
  const ws = lab.services.websocket;
  return ws.apis().map((a) => ({
    ...a,
    url: ws.endpoint(a.id, a.stages[0] ?? '').replace(/^https:/, 'wss:'),
  }));
}

export function webSocketConnection(lab: LabWorld, connectionId: string): WebSocketConnectionView | null {
  const c = lab.services.websocket.connection(connectionId);
  return c ? { id: c.id, state: c.state, statusCode: c.statusCode, frames: [...c.frames] } : null;
}

const ROUTE_KEY = /^[A-Za-z0-9_.-]{1,128}$/;

export async function createWebSocketApi(
  live: LiveWorld,
  input: { readonly functionName: string; readonly stage: string; readonly customRoutes: string },
): Promise<ActionResult<{ apiId: string }>> {
  const fn = live.lab.world.getFunction(input.functionName);
  if (!fn.ok) return refuse(`${fn.error.name}: ${fn.error.message}`, fn.error.name);
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(input.stage))
    return refuse(
      'Stage names can contain only letters, numbers, hyphens (-) and underscores (_), up to 128.',
    );
  const custom = input.customRoutes
    .split(/[\s,]+/)
    .filter(Boolean)
    .filter((k, i, all) => all.indexOf(k) === i);
  const bad = custom.find((k) => k.startsWith('$') || !ROUTE_KEY.test(k));
  if (bad !== undefined)
    return refuse(`Route key "${bad}": use letters, numbers, - _ and . (the $ keys are created for you).`);
  const created = await call(live, 'apigatewayv2', 'CreateApi', {
    Name: `${input.functionName}-ws`,
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
  });
  if (!created.ok) return created;
  const apiId = String(created.value.ApiId);
  const integ = await call(live, 'apigatewayv2', 'CreateIntegration', {
    ApiId: apiId,
    IntegrationType: 'AWS_PROXY',
    IntegrationUri: fn.value.functionArn,
  });
  if (!integ.ok) return integ;
  const target = `integrations/${String(integ.value.IntegrationId)}`;
  const route = (RouteKey: string, twoWay = false) =>
    [
      'apigatewayv2',
      'CreateRoute',
      {
        ApiId: apiId,
        RouteKey,
        Target: target,
        ...(twoWay ? { RouteResponseSelectionExpression: '$default' } : {}),
      },
    ] as const;
  const steps = await callAll(live, [
    route('$connect'),
    route('$disconnect'),
    // $default answers the client with the function's response (a route response); the others push.
    route('$default', true),
    ...custom.map((k) => route(k)),
    ['apigatewayv2', 'CreateStage', { ApiId: apiId, StageName: input.stage }],
  ]);
  if (!steps.ok) return steps;
  const { region, accountId } = live.lab.services.hub;
  const allowed = await allowInvoke(
    live,
    input.functionName,
    'apigateway.amazonaws.com',
    `arn:aws:execute-api:${region}:${accountId}:${apiId}/*`,
  );
  return allowed.ok ? done({ apiId }) : allowed;
}

/** Moves virtual time event by event until the connection's routes have answered (bounded). */
async function settle(live: LiveWorld, c: WsConnection): Promise<void> {
  await live.runner.advanceBy(0);
  for (let steps = 0; c.pending > 0 && steps < 100_000; steps++) {
    const next = live.lab.world.nextEventTime();
    if (next === undefined) break;
    await live.runner.advanceTo(Math.max(next, live.lab.world.now()));
  }
}

async function act<T>(live: LiveWorld, run: () => T): Promise<T> {
  const r = await live.runner.command(() => ({ ok: true as const, value: run(), effects: [] }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export async function openWebSocket(
  live: LiveWorld,
  apiId: string,
  stage: string,
  query: string,
): Promise<ActionResult<WebSocketConnectionView>> {
  const params = Object.fromEntries(new URLSearchParams(query.trim().replace(/^\?/, '')));
  const ws = live.lab.services.websocket;
  const c = await act(live, () => ws.connect(apiId, stage, { query: params }));
  await settle(live, c);
  const view = webSocketConnection(live.lab, c.id);
  if (!view) return refuse('The connection vanished.');
  if (view.state === 'refused')
    return refuse(`The handshake was refused: $connect answered ${view.statusCode ?? 'an error'}.`);
  return done(view);
}

export async function sendWebSocket(
  live: LiveWorld,
  connectionId: string,
  data: string,
): Promise<ActionResult<null>> {
  const ws = live.lab.services.websocket;
  const c = ws.connection(connectionId);
  if (c?.state !== 'open') return refuse('The connection is not open.');
  if (data === '') return refuse('Type a message to send.');
  await act(live, () => ws.send(connectionId, data));
  await settle(live, c);
  return done(null);
}

export async function closeWebSocket(live: LiveWorld, connectionId: string): Promise<ActionResult<null>> {
  const ws = live.lab.services.websocket;
  const c = ws.connection(connectionId);
  if (c?.state !== 'open') return refuse('The connection is not open.');
  await act(live, () => ws.close(connectionId, 1000));
  await settle(live, c);
  return done(null);
}

/** PostToConnection from the console (not a function, so no execution role applies). */
export async function pushToConnection(
  live: LiveWorld,
  apiId: string,
  stage: string,
  connectionId: string,
  data: string,
): Promise<ActionResult<null>> {
  const r = await call(live, 'apigatewaymanagementapi', 'PostToConnection', {
    $endpoint: live.lab.services.websocket.endpoint(apiId, stage),
    ConnectionId: connectionId,
    Data: data,
  });
  if (!r.ok)
    return r.code === 'GoneException' ? refuse('GoneException (410): the connection is closed.', r.code) : r;
  return done(null);
}
