/**
 * API Gateway WebSocket route events (Lambda proxy): $connect carries the handshake's headers and query
 * string, a message its body, $disconnect the close code and reason. Defaults make a sample event.
 */
import { SAM_REGION } from './defaults';
import type { JsonObject } from './deps';

export interface WebSocketEventArgs {
  readonly routeKey?: string;
  readonly eventType?: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
  readonly body?: string;
  readonly connectionId?: string;
  readonly apiId?: string;
  readonly stage?: string;
  readonly region?: string;
  readonly connectedAt?: number;
  readonly requestTime?: string;
  readonly requestTimeEpoch?: number;
  readonly requestId?: string;
  readonly extendedRequestId?: string;
  readonly messageId?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>> | null;
  readonly disconnect?: { readonly code: number; readonly reason: string };
}

export function webSocketEvent(a: WebSocketEventArgs = {}): JsonObject {
  const eventType = a.eventType ?? 'MESSAGE';
  const routeKey =
    a.routeKey ?? { CONNECT: '$connect', MESSAGE: '$default', DISCONNECT: '$disconnect' }[eventType];
  const apiId = a.apiId ?? 'abcdef1234';
  const domainName = `${apiId}.execute-api.${a.region ?? SAM_REGION}.amazonaws.com`;
  const ctx: JsonObject = { routeKey };
  if (eventType === 'MESSAGE') ctx.messageId = a.messageId ?? 'ZLr9bfmOIAMCKXw=';
  if (eventType === 'DISCONNECT') ctx.disconnectStatusCode = a.disconnect?.code ?? 1001;
  Object.assign(ctx, {
    eventType,
    extendedRequestId: a.extendedRequestId ?? 'ZLr9QHRMIAMF3Ng=',
    requestTime: a.requestTime ?? '09/Feb/2019:11:55:37 +0000',
    messageDirection: 'IN',
  });
  if (eventType === 'DISCONNECT') ctx.disconnectReason = a.disconnect?.reason ?? 'Going away';
  const headers = a.headers ?? { Host: domainName, 'Sec-WebSocket-Version': '13' };
  Object.assign(ctx, {
    stage: a.stage ?? 'production',
    connectedAt: a.connectedAt ?? 1549712137599,
    requestTimeEpoch: a.requestTimeEpoch ?? 1549712137600,
    identity: { userAgent: headers['User-Agent'] ?? 'lambda-lab', sourceIp: '203.0.113.10' },
    requestId: a.requestId ?? 'ZLr9QHRMIAMF3Ng=',
    domainName,
    connectionId: a.connectionId ?? 'ZLr9QeNhIAMCJOw=',
    apiId,
  });
  const event: JsonObject = {};
  if (eventType !== 'MESSAGE') {
    event.headers = { ...headers };
    event.multiValueHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
  }
  if (eventType === 'CONNECT' && a.query && Object.keys(a.query).length > 0) {
    event.queryStringParameters = { ...a.query };
    event.multiValueQueryStringParameters = Object.fromEntries(
      Object.entries(a.query).map(([k, v]) => [k, [v]]),
    );
  }
  event.requestContext = ctx;
  if (eventType === 'MESSAGE') event.body = a.body ?? '{"action":"sendmessage","message":"hello"}';
  event.isBase64Encoded = false;
  return event;
}
