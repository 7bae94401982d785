/**
 * API Gateway WebSocket APIs in SAM templates, which declare them with plain CloudFormation (SAM has no
 * Serverless type for them): AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET, its Integrations (Lambda
 * proxy), Routes (a route key and `integrations/<id>` as Target) and Stages. Read into one SamResource per
 * API, and written back as those resources.
 */
import type { WsApiSummary } from '../sim/services/apiGatewayWs';
import type { JsonObject } from '../sim/services/json';
import { arnOf, REGION, type SamResource, type SamWarning } from './samApp';
import type { TObject, TValue } from './templateFile';

export type WebSocketApiResource = Extract<SamResource, { kind: 'websocketApi' }>;

export const WS_TYPES = [
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Stage',
  'AWS::ApiGatewayV2::Deployment',
] as const;

export interface WsTemplateAccess {
  readonly ids: readonly string[];
  readonly typeOf: (id: string) => string;
  readonly props: (id: string) => TObject;
  readonly nameOf: (id: string) => string;
  /** What `Ref` to a resource resolves to (an API's id once the world chose it). */
  readonly refOf: (id: string) => string;
}

const str = (v: TValue | undefined): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** The function an IntegrationUri names (`.../functions/arn:aws:lambda:...:function:NAME/invocations`). */
export function functionOfUri(uri: string): string | null {
  return /:function:([^/:]+)(?::[^/]+)?(?:\/invocations)?$/.exec(uri)?.[1] ?? null;
}

/** Every WebSocket API of the template, with its routes resolved to functions; warnings for the rest. */
export function readWebSocketApis(t: WsTemplateAccess): {
  apis: WebSocketApiResource[];
  warnings: SamWarning[];
} {
  const of = (type: string) => t.ids.filter((id) => t.typeOf(id) === type);
  const apiByRef = new Map<string, string>();
  const leftOut: string[] = [];
  for (const id of of('AWS::ApiGatewayV2::Api')) {
    if (str(t.props(id).ProtocolType) === 'WEBSOCKET') apiByRef.set(t.refOf(id), id);
    else leftOut.push(id);
  }
  const apiOf = (id: string): string | undefined => {
    const api = apiByRef.get(str(t.props(id).ApiId));
    if (!api) leftOut.push(id);
    return api;
  };
  const integrations = new Map<string, string | null>();
  for (const id of of('AWS::ApiGatewayV2::Integration')) {
    if (!apiOf(id)) continue;
    const p = t.props(id);
    const fn = str(p.IntegrationType) === 'AWS_PROXY' ? functionOfUri(str(p.IntegrationUri)) : null;
    if (fn === null) leftOut.push(id);
    integrations.set(t.refOf(id), fn);
  }
  const routes = new Map<string, { routeKey: string; functionName: string }[]>();
  for (const id of of('AWS::ApiGatewayV2::Route')) {
    const api = apiOf(id);
    if (!api) continue;
    const p = t.props(id);
    const target = /^integrations\/(.+)$/.exec(str(p.Target))?.[1];
    const functionName = target === undefined ? null : (integrations.get(target) ?? null);
    // A route to anything but a Lambda proxy the lab knows is left out (its integration is named too).
    if (functionName === null) leftOut.push(id);
    else routes.set(api, [...(routes.get(api) ?? []), { routeKey: str(p.RouteKey), functionName }]);
  }
  const stages = new Map<string, string>();
  for (const id of of('AWS::ApiGatewayV2::Stage')) {
    const api = apiOf(id);
    if (api && !stages.has(api)) stages.set(api, str(t.props(id).StageName));
  }
  for (const id of of('AWS::ApiGatewayV2::Deployment')) apiOf(id);
  const apis = [...apiByRef.values()].map(
    (id): WebSocketApiResource => ({
      kind: 'websocketApi',
      logicalId: id,
      name: str(t.props(id).Name) || t.nameOf(id),
      selection: str(t.props(id).RouteSelectionExpression) || '$request.body.action',
      stage: stages.get(id) ?? null,
      routes: routes.get(id) ?? [],
    }),
  );
  const warnings: SamWarning[] =
    leftOut.length === 0
      ? []
      : [
          {
            subject: 'AWS::ApiGatewayV2 (not a WebSocket API with Lambda proxy integrations)',
            logicalIds: leftOut,
            message: `The lab simulates API Gateway v2 WebSocket APIs whose integrations are Lambda proxies; ${leftOut.join(', ')} left out (HTTP APIs: use AWS::Serverless::HttpApi).`,
          },
        ];
  return { apis, warnings };
}

/**
 * The template resources of one WebSocket API: the Api, one Lambda proxy Integration per function, a
 * Route per route key and the Stage. `fnId` gives a function's logical id in the exported template.
 */
export function webSocketTemplate(
  r: WebSocketApiResource,
  fnId: (functionName: string) => string | undefined,
  take: (wanted: string) => string,
): Record<string, TObject> {
  const out: Record<string, TObject> = {
    [r.logicalId]: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: r.name, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: r.selection },
    },
  };
  const apiRef = { Ref: r.logicalId };
  const integrationIds = new Map<string, string>();
  for (const route of r.routes) {
    const fn = route.functionName;
    let integration = integrationIds.get(fn);
    if (!integration) {
      integration = take(`${r.logicalId}${fnId(fn) ?? 'Function'}Integration`);
      integrationIds.set(fn, integration);
      const known = fnId(fn);
      // A function the template does not declare is named by its ARN in the same account and Region.
      const fnArn = known
        ? `\${${known}.Arn}`
        : `arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${fn}`;
      out[integration] = {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          ApiId: apiRef,
          IntegrationType: 'AWS_PROXY',
          IntegrationUri: {
            'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${fnArn}/invocations`,
          },
        },
      };
    }
    const routeName = route.routeKey.replace(/[^A-Za-z0-9]/g, '');
    out[take(`${r.logicalId}${routeName.charAt(0).toUpperCase()}${routeName.slice(1)}Route`)] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: apiRef,
        RouteKey: route.routeKey,
        Target: { 'Fn::Join': ['/', ['integrations', { Ref: integration }]] },
      },
    };
  }
  if (r.stage !== null)
    out[take(`${r.logicalId}Stage`)] = {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: apiRef, StageName: r.stage, AutoDeploy: true },
    };
  return out;
}

/** Creates a WebSocket API with its Lambda proxy routes and stage through `call` (apigatewayv2); its id. */
export function buildWebSocketApi(
  w: WebSocketApiResource,
  call: (operation: string, params: JsonObject) => JsonObject,
): string {
  const apiId = String(
    call('CreateApi', { Name: w.name, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: w.selection })
      .ApiId,
  );
  const integrations = new Map<string, string>();
  for (const route of w.routes) {
    const fn = route.functionName;
    let integration = integrations.get(fn);
    if (!integration) {
      const uri = `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${arnOf.fn(fn)}/invocations`;
      integration = String(
        call('CreateIntegration', { ApiId: apiId, IntegrationType: 'AWS_PROXY', IntegrationUri: uri })
          .IntegrationId,
      );
      integrations.set(fn, integration);
    }
    call('CreateRoute', { ApiId: apiId, RouteKey: route.routeKey, Target: `integrations/${integration}` });
  }
  if (w.stage !== null) call('CreateStage', { ApiId: apiId, StageName: w.stage });
  return apiId;
}

/**
 * WebSocket APIs the learner built in the world (Resources -> WebSocket) that the kept app does not already
 * have, as resources to export: each route whose integration is a function of `functions`, its first stage.
 */
export function webSocketResourcesOf(
  apis: readonly WsApiSummary[],
  have: readonly SamResource[],
  functions: readonly string[],
): WebSocketApiResource[] {
  const known = new Set(have.flatMap((r) => (r.kind === 'websocketApi' ? [r.name] : [])));
  const taken = new Set(have.map((r) => r.logicalId));
  const out: WebSocketApiResource[] = [];
  for (const api of apis) {
    if (known.has(api.name)) continue;
    let logicalId = `${api.name.replace(/[^A-Za-z0-9]/g, '')}WebSocketApi`;
    for (let n = 2; taken.has(logicalId); n++)
      logicalId = `${api.name.replace(/[^A-Za-z0-9]/g, '')}WebSocketApi${n}`;
    taken.add(logicalId);
    out.push({
      kind: 'websocketApi',
      logicalId,
      name: api.name,
      selection: api.routeSelectionExpression,
      stage: api.stages[0] ?? null,
      routes: api.routes.flatMap((r) =>
        r.functionName !== null && functions.includes(r.functionName)
          ? [{ routeKey: r.routeKey, functionName: r.functionName }]
          : [],
      ),
    });
  }
  return out;
}
