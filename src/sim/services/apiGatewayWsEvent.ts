/**
 * The Lambda proxy event of a WebSocket route, as API Gateway shapes it: $connect carries the handshake's
 * headers and query string, a message its body, $disconnect the close code and reason.
 */
import { clfTime } from './apiGatewayRoutes';
import type { Hub } from './hub';
import type { JsonObject } from './json';
import { isoTimestamp } from './kernel';

/** Ids like `L0SM9cOFvHcCIhw=` (connection, request and message ids): 15 URL-safe characters and padding. */
export function wsId(next: () => number): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < 15; i++) out += A[next() % 64];
  return `${out}=`;
}

export interface WsEventConnection {
  readonly id: string;
  readonly apiId: string;
  readonly stage: string;
  readonly connectedAt: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>> | null;
}

export function wsEvent(
  hub: Hub,
  c: WsEventConnection,
  e: {
    readonly routeKey: string;
    readonly eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
    readonly body?: string;
    readonly disconnect?: { readonly code: number; readonly reason: string };
  },
): JsonObject {
  const now = hub.now();
  const next = () => hub.ctx.rng.nextU32();
  const ctx: JsonObject = { routeKey: e.routeKey };
  if (e.eventType === 'MESSAGE') ctx.messageId = wsId(next);
  if (e.disconnect) ctx.disconnectStatusCode = e.disconnect.code;
  Object.assign(ctx, {
    eventType: e.eventType,
    extendedRequestId: wsId(next),
    requestTime: clfTime(isoTimestamp(now)),
    messageDirection: 'IN',
  });
  if (e.disconnect) ctx.disconnectReason = e.disconnect.reason;
  Object.assign(ctx, {
    stage: c.stage,
    connectedAt: c.connectedAt,
    requestTimeEpoch: now,
    identity: { userAgent: c.headers['User-Agent'] ?? 'lambda-lab', sourceIp: '203.0.113.10' },
    requestId: wsId(next),
    domainName: `${c.apiId}.execute-api.${hub.region}.amazonaws.com`,
    connectionId: c.id,
    apiId: c.apiId,
  });
  const event: JsonObject = {};
  if (e.eventType !== 'MESSAGE') {
    event.headers = { ...c.headers };
    event.multiValueHeaders = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k, [v]]));
  }
  if (e.eventType === 'CONNECT' && c.query) {
    event.queryStringParameters = { ...c.query };
    event.multiValueQueryStringParameters = Object.fromEntries(
      Object.entries(c.query).map(([k, v]) => [k, [v]]),
    );
  }
  event.requestContext = ctx;
  if (e.eventType === 'MESSAGE') event.body = e.body ?? '';
  event.isBase64Encoded = false;
  return event;
}
