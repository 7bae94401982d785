/**
 * Lambda function URLs: CreateFunctionUrlConfig and friends, and HTTPS requests to the URL. A request
 * becomes a payload format 2.0 event (the HTTP API shape, with the URL's domain) and the function's answer
 * is read as an HTTP API's is. AuthType NONE needs a resource-based policy statement letting everyone
 * ("*") call lambda:InvokeFunctionUrl; AWS_IAM needs a SigV4-signed request from an identity allowed to.
 */

import type { HttpResponse, PendingHttp } from './apiGateway';
import { parseProxyResponse } from './apiGatewayResponse';
import { clfTime } from './apiGatewayRoutes';
import type { Hub } from './hub';
import { type JsonObject, optStr, str } from './json';
import { isoTimestamp } from './kernel';
import type { Operation } from './operation';
import { functionNameOf } from './s3';
import { serviceError } from './serviceError';

export type UrlAuthType = 'NONE' | 'AWS_IAM';

declare module '../trace' {
  interface TracePayloads {
    'lambda.url.created': { functionName: string; url: string; authType: UrlAuthType };
    'lambda.url.request': { requestId: string; url: string; method: string; path: string };
    'lambda.url.response': { requestId: string; url: string; statusCode: number; outcome: string };
  }
}

export interface FunctionUrl {
  readonly urlId: string;
  readonly url: string;
  readonly functionName: string;
  readonly qualifier: string | null;
  readonly authType: UrlAuthType;
  readonly createdMs: number;
}

export interface UrlRequest {
  readonly url: string;
  readonly method: string;
  /** The path after the domain, starting with "/". */
  readonly path: string;
  readonly query?: Readonly<Record<string, readonly string[]>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | null;
  /** Signed with the lab account's own (admin) credentials, as `awscurl` or a SigV4 client would. */
  readonly signed?: boolean;
}

export interface UrlPending extends PendingHttp {
  /** The 2.0 event the function was invoked with; null when the URL refused the request. */
  eventJson(): string | null;
}

export interface FunctionUrls {
  readonly operations: Record<string, Operation>;
  request(r: UrlRequest): UrlPending;
  list(): readonly FunctionUrl[];
}

const answer = (statusCode: number, message: string): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ Message: message }),
  isBase64Encoded: false,
});

export function createFunctionUrls(hub: Hub): FunctionUrls {
  const urls = new Map<string, FunctionUrl>();
  const keyOf = (name: string, qualifier: string | null) => `${name}:${qualifier ?? ''}`;
  const target = (p: JsonObject) => {
    const name = functionNameOf(str(p, 'FunctionName'));
    const qualifier = optStr(p, 'Qualifier') ?? null;
    const fn = hub.world.getFunction(name, qualifier ?? undefined);
    if (!fn.ok) throw serviceError('ResourceNotFoundException', fn.error.message, 404);
    if (qualifier !== null && /^\d+$|^\$LATEST$/.test(qualifier))
      throw serviceError(
        'ValidationException',
        'A function URL can point at $LATEST or an alias, not a version.',
        400,
      );
    return {
      name,
      qualifier,
      arn: qualifier ? `${fn.value.functionArn}:${qualifier}` : fn.value.functionArn,
    };
  };
  const authOf = (p: JsonObject): UrlAuthType => {
    const a = str(p, 'AuthType');
    if (a !== 'NONE' && a !== 'AWS_IAM')
      throw serviceError(
        'ValidationException',
        `1 validation error detected: Value '${a}' at 'authType' failed to satisfy constraint: Member must satisfy enum value set: [NONE, AWS_IAM]`,
        400,
      );
    return a;
  };
  const json = (u: FunctionUrl, arn: string): JsonObject => ({
    FunctionUrl: u.url,
    FunctionArn: arn,
    AuthType: u.authType,
    // Lambda's URL config times are ISO 8601 strings in the API (boto3 does not parse them into datetimes).
    CreationTime: isoTimestamp(u.createdMs),
    LastModifiedTime: isoTimestamp(u.createdMs),
    InvokeMode: 'BUFFERED',
  });
  const existing = (p: JsonObject) => {
    const t = target(p);
    const u = urls.get(keyOf(t.name, t.qualifier));
    if (!u)
      throw serviceError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
    return { t, u };
  };
  const fnArn = (p: JsonObject) =>
    `arn:aws:lambda:${hub.region}:${hub.accountId}:function:${functionNameOf(str(p, 'FunctionName'))}`;

  const operations: Record<string, Operation> = {
    CreateFunctionUrlConfig: {
      action: 'lambda:CreateFunctionUrlConfig',
      resource: fnArn,
      run: (p, c) => {
        const t = target(p);
        const authType = authOf(p);
        if (urls.has(keyOf(t.name, t.qualifier)))
          throw serviceError(
            'ResourceConflictException',
            `Failed to create function url config for [functionArn = ${t.arn}]. Error message:  FunctionUrlConfig exists for this Lambda function`,
            409,
          );
        // A URL id is 32 lowercase letters and digits, drawn from the seeded RNG.
        const urlId = hub.ctx.rng.uuid().replace(/-/g, '').slice(0, 32);
        const u: FunctionUrl = {
          urlId,
          url: `https://${urlId}.lambda-url.${hub.region}.on.aws/`,
          functionName: t.name,
          qualifier: t.qualifier,
          authType,
          createdMs: c.nowMs,
        };
        urls.set(keyOf(t.name, t.qualifier), u);
        hub.emit('lambda.url.created', { functionName: t.name, url: u.url, authType });
        return json(u, t.arn);
      },
    },
    GetFunctionUrlConfig: {
      action: 'lambda:GetFunctionUrlConfig',
      resource: fnArn,
      run: (p) => {
        const { t, u } = existing(p);
        return json(u, t.arn);
      },
    },
    UpdateFunctionUrlConfig: {
      action: 'lambda:UpdateFunctionUrlConfig',
      resource: fnArn,
      run: (p) => {
        const { t, u } = existing(p);
        const next = { ...u, authType: p.AuthType === undefined ? u.authType : authOf(p) };
        urls.set(keyOf(t.name, t.qualifier), next);
        return json(next, t.arn);
      },
    },
    DeleteFunctionUrlConfig: {
      action: 'lambda:DeleteFunctionUrlConfig',
      resource: fnArn,
      run: (p) => {
        const { t } = existing(p);
        urls.delete(keyOf(t.name, t.qualifier));
        return {};
      },
    },
  };

  /** NONE: the function's policy must let "*" call lambda:InvokeFunctionUrl (the console adds this). */
  const publicAllowed = (name: string) =>
    hub.iam
      .functionPolicy(name)
      .some(
        (s) => s.principal === '*' && (s.action === 'lambda:InvokeFunctionUrl' || s.action === 'lambda:*'),
      );

  const request = (r: UrlRequest): UrlPending => {
    const requestId = hub.ctx.rng.uuid();
    let response: HttpResponse | null = null;
    const done = (res: HttpResponse, outcome: string) => {
      if (response) return;
      response = res;
      hub.emit('lambda.url.response', { requestId, url: r.url, statusCode: res.statusCode, outcome });
    };
    let sent: string | null = null;
    const pending: UrlPending = { requestId, response: () => response, eventJson: () => sent };
    const u = [...urls.values()].find((x) => x.url === r.url || x.url === `${r.url}/`);
    hub.emit('lambda.url.request', { requestId, url: r.url, method: r.method, path: r.path });
    if (!u) {
      done(answer(404, 'Not Found'), 'no such function URL');
      return pending;
    }
    const allowed = u.authType === 'NONE' ? publicAllowed(u.functionName) : r.signed === true;
    if (!allowed) {
      done(
        answer(403, 'Forbidden'),
        u.authType === 'NONE' ? 'no public policy statement' : 'unsigned request',
      );
      return pending;
    }
    const payloadJson = JSON.stringify(urlEvent(hub, u, r, requestId));
    sent = payloadJson;
    const qualifier = u.qualifier ?? undefined;
    hub.invokeSync({ functionName: u.functionName, qualifier, payloadJson }, 0, (o) => {
      if (o.kind === 'refused') {
        done(
          o.error.httpStatus === 429 ? answer(429, 'Rate Exceeded.') : answer(500, o.error.message),
          o.error.message,
        );
        return;
      }
      if (o.response.functionError) {
        done(
          {
            statusCode: 502,
            headers: { 'content-type': 'text/plain' },
            body: 'Internal Server Error',
            isBase64Encoded: false,
          },
          'Lambda function error',
        );
        return;
      }
      done(parseProxyResponse(o.response.payloadJson, 'HTTP') ?? answer(502, 'Internal Server Error'), 'ok');
    });
    return pending;
  };

  return { operations, request, list: () => [...urls.values()] };
}

/** The payload format 2.0 event a function URL sends (AWS's urls-invocation page, request payload). */
function urlEvent(hub: Hub, u: FunctionUrl, r: UrlRequest, requestId: string): JsonObject {
  const now = hub.now();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
  const domainName = `${u.urlId}.lambda-url.${hub.region}.on.aws`;
  headers.host = domainName;
  headers['x-forwarded-proto'] ??= 'https';
  const userAgent = headers['user-agent'] ?? 'lambda-lab';
  const query = r.query ?? {};
  const rawQueryString = Object.entries(query)
    .flatMap(([k, vs]) => vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
    .join('&');
  const cookies = (headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const requestContext: JsonObject = {
    accountId: u.authType === 'AWS_IAM' ? hub.accountId : 'anonymous',
    apiId: u.urlId,
    domainName,
    domainPrefix: u.urlId,
    http: { method: r.method, path: r.path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent },
    requestId,
    routeKey: '$default',
    stage: '$default',
    time: clfTime(isoTimestamp(now)),
    timeEpoch: now,
  };
  if (u.authType === 'AWS_IAM') {
    requestContext.authorizer = {
      iam: {
        accessKey: 'AKIALABEXAMPLE',
        accountId: hub.accountId,
        callerId: 'AIDALABEXAMPLE',
        cognitoIdentity: null,
        principalOrgId: null,
        userArn: `arn:aws:iam::${hub.accountId}:user/learner`,
        userId: 'AIDALABEXAMPLE',
      },
    };
  }
  const event: JsonObject = {
    version: '2.0',
    routeKey: '$default',
    rawPath: r.path,
    rawQueryString,
    headers,
    requestContext,
    isBase64Encoded: false,
  };
  if (cookies.length > 0) event.cookies = cookies;
  if (Object.keys(query).length > 0)
    event.queryStringParameters = Object.fromEntries(
      Object.entries(query).map(([k, vs]) => [k, vs.join(',')]),
    );
  if (r.body !== undefined && r.body !== null && r.body !== '') event.body = r.body;
  return event;
}
