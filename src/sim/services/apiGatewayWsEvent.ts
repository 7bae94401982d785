/**
 * The Lambda proxy event of a WebSocket route, as API Gateway shapes it: $connect carries the handshake's
 * headers and query string, a message its body, $disconnect the close code and reason.
 */
import { clfTime } from './apiGatewayRoutes';
import { webSocketEvent } from './events/webSocketEvent';
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
  return webSocketEvent({
    ...e,
    messageId: e.eventType === 'MESSAGE' ? wsId(next) : undefined,
    extendedRequestId: wsId(next),
    requestTime: clfTime(isoTimestamp(now)),
    requestTimeEpoch: now,
    requestId: wsId(next),
    connectionId: c.id,
    apiId: c.apiId,
    stage: c.stage,
    region: hub.region,
    connectedAt: c.connectedAt,
    headers: c.headers,
    query: c.query,
  });
}
