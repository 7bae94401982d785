/**
 * The WebSocket management API (`apigatewaymanagementapi`): PostToConnection, GetConnection and
 * DeleteConnection on `https://{apiId}.execute-api.{region}.amazonaws.com/{stage}`, authorized as
 * execute-api:ManageConnections; a connection that is not open (or of another API) is GoneException (410).
 */
import type { WsConnection } from './apiGatewayWs';
import type { Hub } from './hub';
import { type JsonObject, optBlob, optStr, str, utf8Decode } from './json';
import type { Operation, ServiceModule } from './operation';
import { serviceError } from './serviceError';

export const WS_MAX_MESSAGE_BYTES = 128 * 1024;

export interface WsConnections {
  find(connectionId: string): WsConnection | undefined;
  endpoint(apiId: string, stage: string): string;
  push(c: WsConnection, data: string): void;
  close(c: WsConnection): void;
}

const gone = (): never => {
  throw serviceError('GoneException', '', 410);
};

export function createWsManagementModule(hub: Hub, conns: WsConnections): ServiceModule {
  const openConnection = (p: JsonObject): WsConnection => {
    const c = conns.find(str(p, 'ConnectionId'));
    const ep = (optStr(p, '$endpoint') ?? '').replace(/\/+$/, '');
    // The endpoint names the API and stage: a connection of another API is as unknown as a closed one.
    if (c?.state !== 'open' || ep !== conns.endpoint(c.apiId, c.stage)) return gone();
    return c;
  };
  const manage = (run: Operation['run']): Operation => ({
    action: 'execute-api:ManageConnections',
    resource: (p) => {
      const m = /^https:\/\/([^.]+)\.execute-api\.[^/]+\/([^/]+)/.exec(optStr(p, '$endpoint') ?? '');
      return `arn:aws:execute-api:${hub.region}:${hub.accountId}:${m?.[1] ?? '*'}/${m?.[2] ?? '*'}/POST/@connections/${String(p.ConnectionId ?? '')}`;
    },
    run: (p, call) => {
      if (!optStr(p, '$endpoint'))
        throw serviceError(
          'BadRequestException',
          'Create the client with endpoint_url="https://{domainName}/{stage}" from event["requestContext"].',
          400,
        );
      return run(p, call);
    },
  });
  return {
    name: 'apigatewaymanagementapi',
    denied: { code: 'AccessDeniedException', httpStatus: 403, quoteResource: false },
    operations: {
      PostToConnection: manage((p) => {
        const c = openConnection(p);
        const data = utf8Decode(optBlob(p, 'Data') ?? new Uint8Array());
        if (data.length > WS_MAX_MESSAGE_BYTES)
          throw serviceError('PayloadTooLargeException', 'Message too long', 413);
        conns.push(c, data);
        return {};
      }),
      GetConnection: manage((p) => {
        const c = openConnection(p);
        return {
          ConnectedAt: { $ts: c.connectedAt },
          LastActiveAt: { $ts: c.lastActiveAt },
          Identity: { SourceIp: '203.0.113.10', UserAgent: c.headers['User-Agent'] ?? 'lambda-lab' },
        };
      }),
      DeleteConnection: manage((p) => {
        conns.close(openConnection(p));
        return {};
      }),
    },
  };
}
