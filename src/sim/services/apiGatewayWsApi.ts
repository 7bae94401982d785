/**
 * The WebSocket control plane (`apigatewayv2`): CreateApi (WEBSOCKET), CreateIntegration (Lambda proxy),
 * CreateRoute (with an optional route response), CreateStage and GetRoutes over the APIs' registry.
 */
import type { WsApi } from './apiGatewayWs';
import type { Hub } from './hub';
import { type JsonObject, optStr, str } from './json';
import type { Operation, ServiceModule } from './operation';
import { serviceError } from './serviceError';

export function createWsApiModule(hub: Hub, apis: Map<string, WsApi>): ServiceModule {
  const apiOf = (p: JsonObject): WsApi => {
    const api = apis.get(str(p, 'ApiId'));
    if (!api)
      throw serviceError(
        'NotFoundException',
        `Invalid API identifier specified ${hub.accountId}:${str(p, 'ApiId')}`,
        404,
      );
    return api;
  };
  const domain = (apiId: string) => `${apiId}.execute-api.${hub.region}.amazonaws.com`;
  const v2 = (action: string, run: Operation['run']): Operation => ({
    action: `apigateway:${action}`,
    resource: (p) => `arn:aws:apigateway:${hub.region}::/apis${p.ApiId ? `/${String(p.ApiId)}` : ''}`,
    run,
  });
  return {
    name: 'apigatewayv2',
    denied: { code: 'AccessDeniedException', httpStatus: 403, quoteResource: false },
    operations: {
      CreateApi: v2('POST', (p) => {
        const protocol = str(p, 'ProtocolType');
        if (protocol !== 'WEBSOCKET')
          throw serviceError(
            'BadRequestException',
            'The lab creates WebSocket APIs here; HTTP APIs come from the API Gateway trigger.',
            400,
          );
        const selection = str(p, 'RouteSelectionExpression');
        const id = hub.ctx.rng.hex(10);
        apis.set(id, {
          id,
          name: str(p, 'Name'),
          selection,
          integrations: new Map(),
          routes: new Map(),
          stages: new Set(),
        });
        hub.emit('apigw.ws.api.created', { apiId: id });
        return {
          ApiId: id,
          Name: str(p, 'Name'),
          ProtocolType: 'WEBSOCKET',
          RouteSelectionExpression: selection,
          ApiEndpoint: `wss://${domain(id)}`,
        };
      }),
      CreateIntegration: v2('POST', (p) => {
        const api = apiOf(p);
        if (str(p, 'IntegrationType') !== 'AWS_PROXY')
          throw serviceError(
            'BadRequestException',
            'The lab integrates WebSocket routes with Lambda (AWS_PROXY) only.',
            400,
          );
        const uri = str(p, 'IntegrationUri');
        const arn = /functions\/(arn:[^/]+)\/invocations$/.exec(uri)?.[1] ?? uri;
        if (!/^arn:aws:lambda:[^:]+:\d{12}:function:[^:]+$/.test(arn))
          throw serviceError('BadRequestException', 'Invalid Lambda function ARN in IntegrationUri', 400);
        const id = hub.ctx.rng.hex(7);
        api.integrations.set(id, arn);
        return { IntegrationId: id, IntegrationType: 'AWS_PROXY', IntegrationUri: uri };
      }),
      CreateRoute: v2('POST', (p) => {
        const api = apiOf(p);
        const key = str(p, 'RouteKey');
        const target = optStr(p, 'Target') ?? '';
        const integrationId = /^integrations\/(.+)$/.exec(target)?.[1] ?? '';
        if (!api.integrations.has(integrationId))
          throw serviceError(
            'BadRequestException',
            `Invalid integration id specified in Target: ${target}`,
            400,
          );
        if (api.routes.has(key))
          throw serviceError('ConflictException', `Route with key ${key} already exists for this API`, 409);
        const twoWay = optStr(p, 'RouteResponseSelectionExpression') !== undefined;
        api.routes.set(key, { integrationId, twoWay });
        return { RouteId: hub.ctx.rng.hex(7), RouteKey: key, Target: target };
      }),
      CreateStage: v2('POST', (p) => {
        const api = apiOf(p);
        const name = str(p, 'StageName');
        api.stages.add(name);
        return { StageName: name };
      }),
      GetRoutes: v2('GET', (p) => ({
        Items: [...apiOf(p).routes.entries()].map(([RouteKey, r]) => ({
          RouteKey,
          Target: `integrations/${r.integrationId}`,
        })),
      })),
    },
  };
}
