/** API Gateway proxy events: REST payload v1.0 (facts §4.1) and HTTP API payload v2.0 (facts §4.2). */

import { SAM_ACCOUNT, SAM_REGION } from './defaults';
import type { Json, JsonObject } from './deps';

export interface HttpRequestArgs {
  readonly method?: string;
  readonly path?: string;
  readonly resource?: string;
  readonly pathParameters?: Readonly<Record<string, string>> | null;
  readonly query?: Readonly<Record<string, readonly string[]>>;
  readonly headers?: Readonly<Record<string, readonly string[]>>;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly stage?: string;
  readonly stageVariables?: Readonly<Record<string, string>> | null;
  readonly apiId?: string;
  readonly resourceId?: string;
  readonly requestId?: string;
  /** `09/Apr/2015:12:34:56 +0000` and its epoch ms. */
  readonly requestTime?: string;
  readonly requestTimeEpoch?: number;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly region?: string;
  readonly accountId?: string;
  readonly routeKey?: string;
}

const DEFAULT_HEADERS: Readonly<Record<string, readonly string[]>> = {
  Accept: ['text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8'],
  'Accept-Encoding': ['gzip, deflate, sdch'],
  'Accept-Language': ['en-US,en;q=0.8'],
  'Cache-Control': ['max-age=0'],
  'CloudFront-Forwarded-Proto': ['https'],
  'CloudFront-Is-Desktop-Viewer': ['true'],
  'CloudFront-Is-Mobile-Viewer': ['false'],
  'CloudFront-Is-SmartTV-Viewer': ['false'],
  'CloudFront-Is-Tablet-Viewer': ['false'],
  'CloudFront-Viewer-Country': ['US'],
  Host: ['1234567890.execute-api.us-east-1.amazonaws.com'],
  'Upgrade-Insecure-Requests': ['1'],
  'User-Agent': ['Custom User Agent String'],
  Via: ['1.1 08f323deadbeefa7af34d5feb414ce27.cloudfront.net (CloudFront)'],
  'X-Amz-Cf-Id': ['cDehVQoZnx43VYQb9j2-nvCh-9z396Uhbp027Y2JvkCPNLmGJHqlaA=='],
  'X-Forwarded-For': ['127.0.0.1, 127.0.0.2'],
  'X-Forwarded-Port': ['443'],
  'X-Forwarded-Proto': ['https'],
};

function singles(m: Readonly<Record<string, readonly string[]>>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(m)) out[k] = v[v.length - 1] ?? '';
  return out;
}

function multis(m: Readonly<Record<string, readonly string[]>>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(m)) out[k] = [...v];
  return out;
}

function orNull(m: Readonly<Record<string, readonly string[]>> | undefined, f: typeof singles): Json {
  return m === undefined || Object.keys(m).length === 0 ? null : f(m);
}

/** REST API proxy integration event, payload v1.0. */
export function apiGatewayV1Event(a: HttpRequestArgs = {}): JsonObject {
  const stage = a.stage ?? 'prod';
  const path = a.path ?? '/path/to/resource';
  const method = a.method ?? 'POST';
  const resource = a.resource ?? '/{proxy+}';
  const headers = a.headers ?? DEFAULT_HEADERS;
  const sourceIp = a.sourceIp ?? '127.0.0.1';
  return {
    body: a.body === undefined ? 'eyJ0ZXN0IjoiYm9keSJ9' : a.body,
    resource,
    path,
    httpMethod: method,
    isBase64Encoded: a.isBase64Encoded ?? a.body === undefined,
    queryStringParameters: orNull(a.query ?? { foo: ['bar'] }, singles),
    multiValueQueryStringParameters: orNull(a.query ?? { foo: ['bar'] }, multis),
    pathParameters: a.pathParameters === undefined ? { proxy: path } : a.pathParameters,
    stageVariables: a.stageVariables === undefined ? { baz: 'qux' } : a.stageVariables,
    headers: singles(headers),
    multiValueHeaders: multis(headers),
    requestContext: {
      accountId: a.accountId ?? SAM_ACCOUNT,
      resourceId: a.resourceId ?? '123456',
      stage,
      requestId: a.requestId ?? 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTime: a.requestTime ?? '09/Apr/2015:12:34:56 +0000',
      requestTimeEpoch: a.requestTimeEpoch ?? 1428582896000,
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        accessKey: null,
        sourceIp,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: a.userAgent ?? 'Custom User Agent String',
        user: null,
      },
      path: `/${stage}${path}`,
      resourcePath: resource,
      httpMethod: method,
      apiId: a.apiId ?? '1234567890',
      protocol: 'HTTP/1.1',
    },
  };
}

/** HTTP API event, payload v2.0: lower-case headers, comma-joined duplicates, no multiValue fields. */
export function apiGatewayV2Event(a: HttpRequestArgs = {}): JsonObject {
  const region = a.region ?? SAM_REGION;
  const apiId = a.apiId ?? 'api-id';
  const method = a.method ?? 'POST';
  const path = a.path ?? '/my/path';
  const query = a.query ?? { parameter1: ['value1', 'value2'], parameter2: ['value'] };
  const rawQuery = Object.entries(query)
    .flatMap(([k, vs]) => vs.map((v) => `${k}=${v}`))
    .join('&');
  const headers: JsonObject = {};
  const cookies: string[] = [];
  for (const [k, vs] of Object.entries(a.headers ?? { Header1: ['value1'], Header2: ['value1', 'value2'] })) {
    if (k.toLowerCase() === 'cookie') cookies.push(...vs.flatMap((v) => v.split('; ')));
    else headers[k.toLowerCase()] = vs.join(',');
  }
  const qsp: JsonObject = {};
  for (const [k, vs] of Object.entries(query)) qsp[k] = vs.join(',');
  const routeKey = a.routeKey ?? '$default';
  const event: JsonObject = {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: rawQuery,
    cookies: a.headers === undefined ? ['cookie1', 'cookie2'] : cookies,
    headers,
    queryStringParameters: qsp,
    requestContext: {
      accountId: a.accountId ?? SAM_ACCOUNT,
      apiId,
      domainName: `${apiId}.execute-api.${region}.amazonaws.com`,
      domainPrefix: apiId,
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: a.sourceIp ?? '192.168.0.1/32',
        userAgent: a.userAgent ?? 'agent',
      },
      requestId: a.requestId ?? 'id',
      routeKey,
      stage: a.stage ?? '$default',
      time: a.requestTime ?? '12/Mar/2020:19:03:58 +0000',
      timeEpoch: a.requestTimeEpoch ?? 1583348638390,
    },
    body: a.body === undefined ? 'eyJ0ZXN0IjoiYm9keSJ9' : a.body,
    pathParameters: a.pathParameters === undefined ? { parameter1: 'value1' } : a.pathParameters,
    isBase64Encoded: a.isBase64Encoded ?? a.body === undefined,
    stageVariables:
      a.stageVariables === undefined
        ? { stageVariable1: 'value1', stageVariable2: 'value2' }
        : a.stageVariables,
  };
  if (event.pathParameters === null) delete event.pathParameters;
  if (event.stageVariables === null) delete event.stageVariables;
  return event;
}
