/**
 * API Gateway: REST APIs (resources, ANY and {proxy+}, stages with variables, deployments) with the Lambda
 * proxy integration (payload v1.0), and HTTP APIs (payload v2.0). A request from the learner's console goes
 * through `request()`: it returns a pending response resolved when Lambda answers, or after 29 s (504).
 */

import { parseProxyResponse } from './apiGatewayResponse';
import { clfTime, matchRoute } from './apiGatewayRoutes';
import { apiGatewayV1Event, apiGatewayV2Event } from './events/apiGatewayEvent';
import type { Hub } from './hub';
import { type JsonObject, optNum, optStr, optStrMap, str } from './json';
import { isoTimestamp } from './kernel';
import type { Operation, ServiceModule } from './operation';
import { functionNameOf } from './s3';
import { serviceError } from './serviceError';

export const REST_INTEGRATION_TIMEOUT_MS = 29_000;
export const HTTP_API_TIMEOUT_MS = 30_000;

export interface HttpRoute {
  readonly method: string;
  readonly path: string;
  readonly functionName: string;
}

interface Method {
  readonly httpMethod: string;
  /** An HTTP API route's key (`GET /items/{id}`); absent for REST methods and the $default route. */
  readonly routeKey?: string;
  functionName: string | null;
  /** The alias or version in the integration's function ARN (`...:function:search:live`), if any. */
  qualifier?: string | null;
  timeoutMs: number;
}

interface Resource {
  readonly id: string;
  readonly path: string;
  readonly methods: Map<string, Method>;
}

interface RestApi {
  readonly id: string;
  readonly name: string;
  readonly kind: 'REST' | 'HTTP';
  readonly resources: Map<string, Resource>;
  readonly stages: Map<string, { variables: Record<string, string>; deploymentId: string }>;
}

export interface HttpRequest {
  readonly apiId: string;
  readonly stage: string;
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, readonly string[]>>;
  readonly headers?: Readonly<Record<string, readonly string[]>>;
  readonly body?: string | null;
}

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

export interface PendingHttp {
  readonly requestId: string;
  /** Null until Lambda answers or the integration times out. */
  response(): HttpResponse | null;
}

/** What the console lists: an API with its stages and the routes that have methods. */
export interface ApiSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: 'REST' | 'HTTP';
  readonly stages: readonly string[];
  readonly routes: readonly { readonly path: string; readonly methods: readonly string[] }[];
}

export interface ApiGateway {
  readonly module: ServiceModule;
  request(r: HttpRequest): PendingHttp;
  /** Every API, for the console (a read: no trace event). */
  list(): readonly ApiSummary[];
  invokeUrl(apiId: string, stage: string): string;
  /**
   * Create an HTTP API (payload v2.0) whose $default route proxies every request to one function, or, with
   * `routes`, one route per method and path (`GET /items/{id}`), each to its function.
   */
  createHttpApi(name: string, functionName: string, routes?: readonly HttpRoute[]): string;
}

const json = (statusCode: number, message: string): HttpResponse => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ message }),
  isBase64Encoded: false,
});
/** A REST API's integration failures (500, 502, 504) print their body with a space after the colon (facts §7). */
const restError = (statusCode: number, message: string): HttpResponse => ({
  ...json(statusCode, message),
  body: `{"message": ${JSON.stringify(message)}}`,
});
/** The same failure as each kind of API words it: REST's spaced lowercase body, or the HTTP API's capitalised one. */
const serverError = (kind: string, restStatus: number): HttpResponse =>
  kind === 'REST' ? restError(restStatus, 'Internal server error') : json(500, 'Internal Server Error');

export function createApiGateway(hub: Hub): ApiGateway {
  const apis = new Map<string, RestApi>();
  const newId = (): string => hub.ctx.rng.hex(10);
  const apiOf = (p: JsonObject): RestApi => {
    const a = apis.get(str(p, 'restApiId'));
    if (!a) throw serviceError('NotFoundException', 'Invalid API identifier specified', 404);
    return a;
  };
  const resourceOf = (p: JsonObject): Resource => {
    const r = apiOf(p).resources.get(str(p, 'resourceId'));
    if (!r) throw serviceError('NotFoundException', 'Invalid Resource identifier specified', 404);
    return r;
  };
  const methodOf = (p: JsonObject): Method => {
    const m = resourceOf(p).methods.get(str(p, 'httpMethod'));
    if (!m) throw serviceError('NotFoundException', 'Invalid Method identifier specified', 404);
    return m;
  };
  const resJson = (r: Resource): JsonObject => {
    const out: JsonObject = { id: r.id, path: r.path };
    const part = r.path.split('/').pop();
    if (r.path !== '/') out.pathPart = part ?? '';
    if (r.methods.size > 0)
      out.resourceMethods = Object.fromEntries([...r.methods.keys()].map((k) => [k, {}]));
    return out;
  };
  const arn = (p: JsonObject): string =>
    `arn:aws:apigateway:${hub.region}::/restapis/${optStr(p, 'restApiId') ?? '*'}`;
  const op = (run: Operation['run']): Operation => ({ action: 'apigateway:POST', resource: arn, run });

  const operations: Record<string, Operation> = {
    CreateRestApi: op((p) => {
      const id = newId();
      const root: Resource = { id: newId(), path: '/', methods: new Map() };
      apis.set(id, {
        id,
        name: str(p, 'name'),
        kind: 'REST',
        resources: new Map([[root.id, root]]),
        stages: new Map(),
      });
      return { id, name: str(p, 'name'), rootResourceId: root.id };
    }),
    GetResources: op((p) => ({ items: [...apiOf(p).resources.values()].map(resJson) })),
    CreateResource: op((p) => {
      const api = apiOf(p);
      const parent = api.resources.get(str(p, 'parentId'));
      if (!parent) throw serviceError('NotFoundException', 'Invalid Resource identifier specified', 404);
      const part = str(p, 'pathPart');
      const path = `${parent.path === '/' ? '' : parent.path}/${part}`;
      if ([...api.resources.values()].some((r) => r.path === path)) {
        throw serviceError(
          'ConflictException',
          `Another resource with the same parent already has this name: ${part}`,
          409,
        );
      }
      const r: Resource = { id: newId(), path, methods: new Map() };
      api.resources.set(r.id, r);
      return resJson(r);
    }),
    PutMethod: op((p) => {
      const r = resourceOf(p);
      const m = str(p, 'httpMethod');
      r.methods.set(m, { httpMethod: m, functionName: null, timeoutMs: REST_INTEGRATION_TIMEOUT_MS });
      return { httpMethod: m, authorizationType: str(p, 'authorizationType') };
    }),
    PutIntegration: op((p) => {
      const m = methodOf(p);
      if (str(p, 'type') !== 'AWS_PROXY')
        throw serviceError(
          'BadRequestException',
          'The lab models the Lambda proxy integration (type AWS_PROXY) only.',
          400,
        );
      const uri = str(p, 'uri');
      const fnArn = /functions\/(arn:[^/]+)\/invocations$/.exec(uri)?.[1];
      if (!fnArn)
        throw serviceError('BadRequestException', 'Invalid Lambda function ARN in integration uri', 400);
      const timeout = optNum(p, 'timeoutInMillis') ?? REST_INTEGRATION_TIMEOUT_MS;
      if (timeout < 50 || timeout > REST_INTEGRATION_TIMEOUT_MS) {
        throw serviceError('BadRequestException', 'Timeout should be between 50 ms and 29000 ms', 400);
      }
      m.functionName = functionNameOf(fnArn.replace(/:function:([^:]+).*$/, ':function:$1'));
      // An integration with an alias or version invokes that qualifier (provisioned concurrency lives there).
      m.qualifier = /:function:[^:]+:([^:/]+)$/.exec(fnArn)?.[1] ?? null;
      m.timeoutMs = timeout;
      return { type: 'AWS_PROXY', uri, timeoutInMillis: timeout };
    }),
    CreateDeployment: op((p) => {
      const api = apiOf(p);
      const id = newId();
      const stage = optStr(p, 'stageName');
      if (stage) api.stages.set(stage, { variables: optStrMap(p, 'variables') ?? {}, deploymentId: id });
      return { id, createdDate: { $ts: hub.now() } };
    }),
    CreateStage: op((p) => {
      const api = apiOf(p);
      api.stages.set(str(p, 'stageName'), {
        variables: optStrMap(p, 'variables') ?? {},
        deploymentId: str(p, 'deploymentId'),
      });
      return {
        stageName: str(p, 'stageName'),
        deploymentId: str(p, 'deploymentId'),
        variables: optStrMap(p, 'variables') ?? {},
      };
    }),
  };

  const request = (r: HttpRequest): PendingHttp => {
    const requestId = hub.ctx.rng.uuid();
    let result: HttpResponse | null = null;
    const done = (res: HttpResponse, reason: string): void => {
      if (result) return;
      result = res;
      hub.emit('apigw.response', { apiId: r.apiId, requestId, statusCode: res.statusCode, reason });
    };
    const pending: PendingHttp = { requestId, response: () => result };
    hub.emit('apigw.request', { apiId: r.apiId, stage: r.stage, method: r.method, path: r.path, requestId });
    const api = apis.get(r.apiId);
    const stage = api?.stages.get(r.stage);
    if (!api || (!stage && api.kind === 'REST')) {
      done(json(403, 'Forbidden'), 'no such API or stage');
      return pending;
    }
    const resources = [...api.resources.values()];
    const route = matchRoute(
      resources.filter((x) => x.methods.size > 0).map((x) => x.path),
      r.path,
    );
    const resource = route && resources.find((x) => x.path === route.resourcePath);
    const method = resource?.methods.get(r.method) ?? resource?.methods.get('ANY');
    if (!route || !method) {
      done(
        json(
          api.kind === 'REST' ? 403 : 404,
          api.kind === 'REST' ? 'Missing Authentication Token' : 'Not Found',
        ),
        'no route',
      );
      return pending;
    }
    const fn = method.functionName;
    const sourceArn = `arn:aws:execute-api:${hub.region}:${hub.accountId}:${api.id}/${r.stage}/${r.method}${route.resourcePath}`;
    if (!fn || !hub.iam.allowsInvoke(fn, 'apigateway.amazonaws.com', sourceArn, hub.accountId)) {
      if (fn)
        hub.emit('lambda.permission.denied', {
          functionName: fn,
          principal: 'apigateway.amazonaws.com',
          sourceArn,
        });
      // Lambda refused the invoke (permissions): API Gateway answers 500 (facts §7).
      done(
        serverError(api.kind, 500),
        'Execution failed due to configuration error: Invalid permissions on Lambda function',
      );
      return pending;
    }
    const now = hub.now();
    const common = {
      method: r.method,
      path: r.path,
      query: r.query ?? {},
      headers: r.headers ?? { Host: [`${api.id}.execute-api.${hub.region}.amazonaws.com`] },
      body: r.body ?? null,
      isBase64Encoded: false,
      stage: r.stage,
      apiId: api.id,
      requestId,
      requestTime: clfTime(isoTimestamp(now)),
      requestTimeEpoch: now,
      region: hub.region,
      accountId: hub.accountId,
      pathParameters: route.pathParameters,
    };
    const event =
      api.kind === 'REST'
        ? apiGatewayV1Event({
            ...common,
            resource: route.resourcePath,
            resourceId: resource?.id ?? '',
            stageVariables: stage && Object.keys(stage.variables).length > 0 ? stage.variables : null,
          })
        : apiGatewayV2Event({
            ...common,
            stage: '$default',
            routeKey: method.routeKey ?? '$default',
            stageVariables: null,
            sourceIp: '127.0.0.1',
            userAgent: 'lambda-lab',
          });
    hub.ctx.schedule(now + method.timeoutMs, 'apigw.timeout', () => {
      done(
        api.kind === 'REST' ? restError(504, 'Endpoint request timed out') : json(503, 'Service Unavailable'),
        'integration timeout',
      );
    });
    const qualifier = method.qualifier ?? undefined;
    hub.invokeSync({ functionName: fn, qualifier, payloadJson: JSON.stringify(event) }, 0, (o) => {
      if (o.kind === 'refused') {
        done(serverError(api.kind, o.error.httpStatus === 429 ? 502 : 500), o.error.message);
        return;
      }
      const res = o.response;
      if (res.functionError) {
        done(serverError(api.kind, 502), 'Lambda function error');
        return;
      }
      const parsed = parseProxyResponse(res.payloadJson, api.kind);
      if (parsed) done(parsed, 'ok');
      else
        done(
          serverError(api.kind, 502),
          'Execution failed due to configuration error: Malformed Lambda proxy response',
        );
    });
    return pending;
  };

  return {
    module: {
      name: 'apigateway',
      denied: { code: 'AccessDeniedException', httpStatus: 403, quoteResource: false },
      operations,
    },
    request,
    list: () =>
      [...apis.values()].map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        stages: [...a.stages.keys()],
        routes: [...a.resources.values()]
          .filter((r) => r.methods.size > 0)
          .map((r) => ({ path: r.path, methods: [...r.methods.keys()] })),
      })),
    invokeUrl: (apiId, stage) => `https://${apiId}.execute-api.${hub.region}.amazonaws.com/${stage}`,
    createHttpApi(name, functionName, routes) {
      const id = newId();
      const resources = new Map<string, Resource>();
      const add = (path: string, method: string, fn: string, routeKey?: string) => {
        let r = [...resources.values()].find((x) => x.path === path);
        if (!r) {
          r = { id: newId(), path, methods: new Map() };
          resources.set(r.id, r);
        }
        r.methods.set(method, {
          httpMethod: method,
          routeKey,
          functionName: fn,
          timeoutMs: HTTP_API_TIMEOUT_MS,
        });
      };
      if (routes && routes.length > 0)
        for (const route of routes)
          add(route.path, route.method, route.functionName, `${route.method} ${route.path}`);
      else {
        add('/', 'ANY', functionName);
        add('/{proxy+}', 'ANY', functionName);
      }
      apis.set(id, {
        id,
        name,
        kind: 'HTTP',
        resources,
        stages: new Map([['$default', { variables: {}, deploymentId: '' }]]),
      });
      return id;
    },
  };
}
