/**
 * API Gateway WebSocket APIs: routes chosen by the route selection expression ($connect, $disconnect,
 * $default and custom keys), Lambda proxy integrations, and connections a client opens, writes to and
 * closes. Handlers push to a connection with the management API's PostToConnection; a connection that is
 * not open answers GoneException (410). Idle connections close after 10 minutes, any after 2 hours.
 */

import { createWsApiModule } from './apiGatewayWsApi';
import { wsEvent, wsId } from './apiGatewayWsEvent';
import { createWsManagementModule } from './apiGatewayWsManage';
import type { Hub } from './hub';
import { isObject, type Json, type JsonObject } from './json';
import type { ServiceModule } from './operation';
import { functionNameOf } from './s3';

export const WS_IDLE_TIMEOUT_MS = 10 * 60_000;
export const WS_MAX_CONNECTION_MS = 2 * 60 * 60_000;

export type WsFrameKind = 'push' | 'reply' | 'error';
export interface WsFrame {
  readonly atMs: number;
  readonly kind: WsFrameKind;
  readonly data: string;
}

export type WsConnectionState = 'connecting' | 'open' | 'refused' | 'closed';

export interface WsConnection {
  readonly id: string;
  readonly apiId: string;
  readonly stage: string;
  readonly connectedAt: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>> | null;
  state: WsConnectionState;
  /** The $connect route's status when it refused the connection, or the close code once closed. */
  statusCode: number | null;
  lastActiveAt: number;
  /** Route invocations not answered yet (a console waits for them in virtual time). */
  pending: number;
  readonly frames: WsFrame[];
}

export interface WsApi {
  readonly id: string;
  readonly name: string;
  readonly selection: string;
  readonly integrations: Map<string, string>;
  readonly routes: Map<string, { integrationId: string; twoWay: boolean }>;
  readonly stages: Set<string>;
}

export interface WsApiSummary {
  readonly id: string;
  readonly name: string;
  readonly routeSelectionExpression: string;
  readonly stages: readonly string[];
  readonly routes: readonly { readonly routeKey: string; readonly functionName: string | null }[];
}

export interface ApiGatewayWs {
  readonly module: ServiceModule;
  readonly managementModule: ServiceModule;
  apis(): WsApiSummary[];
  /** A client opens a connection; $connect decides (state moves from 'connecting' once it answers). */
  connect(
    apiId: string,
    stage: string,
    opts?: { headers?: Record<string, string>; query?: Record<string, string> },
  ): WsConnection;
  /** A client sends a frame on an open connection. */
  send(connectionId: string, data: string): void;
  /** The client closes the connection (code 1000, or 1001 when it goes away). */
  close(connectionId: string, code?: number): void;
  connection(connectionId: string): WsConnection | undefined;
  endpoint(apiId: string, stage: string): string;
}

/** `$request.body.action` style: the value at that path of the JSON body, or null (then $default). */
export function selectRoute(expression: string, body: string): string | null {
  const m = /^\$request\.body\.(.+)$/.exec(expression);
  if (!m) return null;
  let cur: Json;
  try {
    cur = JSON.parse(body) as Json;
  } catch {
    return null;
  }
  for (const part of m[1]!.split('.')) {
    if (!isObject(cur) || cur[part] === undefined) return null;
    cur = cur[part];
  }
  return typeof cur === 'string' || typeof cur === 'number' || typeof cur === 'boolean' ? String(cur) : null;
}

export function createApiGatewayWs(hub: Hub): ApiGatewayWs {
  const apis = new Map<string, WsApi>();
  const connections = new Map<string, WsConnection>();
  const domain = (apiId: string) => `${apiId}.execute-api.${hub.region}.amazonaws.com`;
  const endpoint = (apiId: string, stage: string) => `https://${domain(apiId)}/${stage}`;
  const frame = (c: WsConnection, kind: WsFrameKind, data: string): void => {
    c.frames.push({ atMs: hub.now(), kind, data });
    hub.emit('apigw.ws.frame', { apiId: c.apiId, connectionId: c.id, kind, bytes: data.length });
  };

  /** Runs a route's integration; `done(status, payload)` gets the proxy response or an error status. */
  const runRoute = (
    c: WsConnection,
    routeKey: string,
    event: JsonObject,
    done: (statusCode: number, body: string | null) => void,
  ): boolean => {
    const api = apis.get(c.apiId);
    const route = api?.routes.get(routeKey);
    const fnArn = route ? api?.integrations.get(route.integrationId) : undefined;
    if (!api || !route || !fnArn) return false;
    const fn = functionNameOf(fnArn);
    const sourceArn = `arn:aws:execute-api:${hub.region}:${hub.accountId}:${api.id}/${c.stage}/${routeKey}`;
    if (!hub.iam.allowsInvoke(fn, 'apigateway.amazonaws.com', sourceArn, hub.accountId)) {
      hub.emit('lambda.permission.denied', {
        functionName: fn,
        principal: 'apigateway.amazonaws.com',
        sourceArn,
      });
      done(500, null);
      return true;
    }
    c.pending++;
    hub.invokeSync({ functionName: fn, payloadJson: JSON.stringify(event) }, 0, (o) => {
      c.pending--;
      if (o.kind === 'refused' || o.response.functionError !== null) return done(500, null);
      let out: Json = null;
      try {
        out = JSON.parse(o.response.payloadJson) as Json;
      } catch {
        return done(502, null);
      }
      const status = isObject(out) && typeof out.statusCode === 'number' ? out.statusCode : 200;
      const body =
        isObject(out) && typeof out.body === 'string' ? out.body : out === null ? null : JSON.stringify(out);
      done(status, route.twoWay ? body : null);
    });
    return true;
  };

  const closeConn = (c: WsConnection, code: number, reason: string): void => {
    if (c.state !== 'open') return;
    c.state = 'closed';
    c.statusCode = code;
    hub.emit('apigw.ws.disconnected', { apiId: c.apiId, connectionId: c.id, code });
    const event = wsEvent(hub, c, {
      routeKey: '$disconnect',
      eventType: 'DISCONNECT',
      disconnect: { code, reason },
    });
    runRoute(c, '$disconnect', event, () => undefined);
  };

  const armTimeouts = (c: WsConnection): void => {
    const at = c.lastActiveAt;
    hub.ctx.schedule(
      at + WS_IDLE_TIMEOUT_MS,
      'apigw.ws.idle',
      () => {
        if (c.lastActiveAt === at) closeConn(c, 1001, 'Going away');
      },
      { background: true },
    );
  };
  const touch = (c: WsConnection): void => {
    c.lastActiveAt = hub.now();
    armTimeouts(c);
  };

  const module = createWsApiModule(hub, apis);

  const managementModule = createWsManagementModule(hub, {
    find: (id) => connections.get(id),
    endpoint,
    push: (c, data) => frame(c, 'push', data),
    close: (c) => closeConn(c, 1000, ''),
  });

  return {
    module,
    managementModule,
    endpoint,
    apis: () =>
      [...apis.values()].map((a) => ({
        id: a.id,
        name: a.name,
        routeSelectionExpression: a.selection,
        stages: [...a.stages],
        routes: [...a.routes.entries()].map(([routeKey, r]) => ({
          routeKey,
          functionName: a.integrations.has(r.integrationId)
            ? functionNameOf(a.integrations.get(r.integrationId)!)
            : null,
        })),
      })),
    connection: (id) => connections.get(id),
    connect(apiId, stage, opts = {}) {
      const api = apis.get(apiId);
      const c: WsConnection = {
        id: wsId(() => hub.ctx.rng.nextU32()),
        apiId,
        stage,
        connectedAt: hub.now(),
        headers: { Host: domain(apiId), 'Sec-WebSocket-Version': '13', ...(opts.headers ?? {}) },
        query: opts.query && Object.keys(opts.query).length > 0 ? opts.query : null,
        state: 'connecting',
        statusCode: null,
        lastActiveAt: hub.now(),
        pending: 0,
        frames: [],
      };
      connections.set(c.id, c);
      if (!api?.stages.has(stage)) {
        c.state = 'refused';
        c.statusCode = 403;
        return c;
      }
      const accept = (status: number): void => {
        if (status >= 200 && status < 300) {
          c.state = 'open';
          hub.emit('apigw.ws.connected', { apiId, connectionId: c.id });
          touch(c);
          hub.ctx.schedule(
            c.connectedAt + WS_MAX_CONNECTION_MS,
            'apigw.ws.max',
            () => closeConn(c, 1001, 'Going away'),
            {
              background: true,
            },
          );
        } else {
          c.state = 'refused';
          c.statusCode = status;
        }
      };
      const event = wsEvent(hub, c, { routeKey: '$connect', eventType: 'CONNECT' });
      if (!runRoute(c, '$connect', event, (status) => accept(status))) accept(200);
      return c;
    },
    send(connectionId, data) {
      const c = connections.get(connectionId);
      if (c?.state !== 'open') throw new Error(`Connection ${connectionId} is not open.`);
      const api = apis.get(c.apiId)!;
      touch(c);
      const selected = selectRoute(api.selection, data);
      const routeKey = selected !== null && api.routes.has(selected) ? selected : '$default';
      const event = wsEvent(hub, c, { routeKey, eventType: 'MESSAGE', body: data });
      const requestId = String((event.requestContext as JsonObject).requestId);
      const fail = (message: string) =>
        frame(c, 'error', JSON.stringify({ message, connectionId: c.id, requestId }));
      const ran = runRoute(c, routeKey, event, (status, body) => {
        if (c.state !== 'open') return;
        if (status >= 500) fail('Internal server error');
        else if (body !== null) frame(c, 'reply', body);
      });
      if (!ran) fail('Forbidden');
    },
    close(connectionId, code = 1000) {
      const c = connections.get(connectionId);
      if (c) closeConn(c, code, '');
    },
  };
}
