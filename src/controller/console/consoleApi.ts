/**
 * API Gateway from the console: create a REST API in front of a function (as the Lambda console's
 * "API Gateway" trigger does), and send a request the way a client would, waiting in virtual time until
 * API Gateway answers: the function's response, a 502 for an error or a bad proxy shape, a 504 at 29 s.
 */
import {
  type ActionResult,
  allowInvoke,
  callAll,
  done,
  type LiveWorld,
  refuse,
  untilAnswered,
} from './consoleCall';
import { normalizePath } from './consoleNames';

export interface CreateApiInput {
  readonly name: string;
  readonly functionName: string;
  /** The Lambda console names it "default". */
  readonly stage: string;
}

/** REST API with `/{function}` (method ANY, Lambda proxy) deployed to a stage, plus the invoke permission. */
export async function createApi(
  live: LiveWorld,
  input: CreateApiInput,
): Promise<ActionResult<{ apiId: string }>> {
  const name = input.name.trim();
  if (name === '') return refuse('Enter a name for the API.');
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(input.stage))
    return refuse(
      'Stage names can contain only letters, numbers, hyphens (-) and underscores (_), up to 128.',
    );
  const fn = live.lab.world.getFunction(input.functionName);
  if (!fn.ok) return refuse(`${fn.error.name}: ${fn.error.message}`, fn.error.name);
  const { region, accountId } = live.lab.services.hub;
  const created = await callAll(live, [['apigateway', 'CreateRestApi', { name }]]);
  if (!created.ok) return created;
  const api = created.value[0] ?? {};
  const apiId = String(api.id);
  const resource = await callAll(live, [
    [
      'apigateway',
      'CreateResource',
      { restApiId: apiId, parentId: String(api.rootResourceId), pathPart: input.functionName },
    ],
  ]);
  if (!resource.ok) return resource;
  const resourceId = String(resource.value[0]?.id);
  const steps = await callAll(live, [
    [
      'apigateway',
      'PutMethod',
      { restApiId: apiId, resourceId, httpMethod: 'ANY', authorizationType: 'NONE' },
    ],
    [
      'apigateway',
      'PutIntegration',
      {
        restApiId: apiId,
        resourceId,
        httpMethod: 'ANY',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${fn.value.functionArn}/invocations`,
      },
    ],
    ['apigateway', 'CreateDeployment', { restApiId: apiId, stageName: input.stage }],
  ]);
  if (!steps.ok) return steps;
  const sourceArn = `arn:aws:execute-api:${region}:${accountId}:${apiId}/*/*/${input.functionName}`;
  const allowed = await allowInvoke(live, input.functionName, 'apigateway.amazonaws.com', sourceArn);
  return allowed.ok ? done({ apiId }) : allowed;
}

export interface ApiRequestInput {
  readonly apiId: string;
  readonly stage: string;
  readonly method: string;
  readonly path: string;
  /** `a=1&b=2` (a leading "?" is fine); repeated names keep every value. */
  readonly query: string;
  /** One `Name: value` per line. */
  readonly headers: string;
  readonly body: string;
}

export interface ApiResponseView {
  readonly url: string;
  readonly method: string;
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as a client reads it: base64 responses decoded; null text when the bytes are not UTF-8. */
  readonly body: string | null;
  readonly bodyBytes: number;
  /** API Gateway's request id (not the function's). */
  readonly requestId: string;
  /** Why API Gateway answered as it did, as its execution log would say ("Lambda function error"). */
  readonly reason: string;
  /** Virtual time from the request to the response. */
  readonly latencyMs: number;
}

export function parseQuery(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  for (const pair of text.trim().replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    out[name] = [...(out[name] ?? []), eq < 0 ? '' : decode(pair.slice(eq + 1))];
  }
  return out;
}

export function parseHeaders(text: string): ActionResult<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      return refuse(`Header line ${i + 1} should read "Name: value".`);
    out[name] = [...(out[name] ?? []), line.slice(colon + 1).trim()];
  }
  return done(out);
}

function decodeBody(body: string, base64: boolean): { text: string | null; bytes: number } {
  if (!base64) return { text: body, bytes: new TextEncoder().encode(body).length };
  let bin: Uint8Array;
  try {
    bin = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  } catch {
    return { text: body, bytes: body.length };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bin), bytes: bin.length };
  } catch {
    return { text: null, bytes: bin.length };
  }
}

/** The invoke URL of a request, as a client would type it. */
export function requestUrl(
  live: LiveWorld,
  r: Pick<ApiRequestInput, 'apiId' | 'stage' | 'path' | 'query'>,
): string {
  const base = live.lab.services.apigateway.invokeUrl(r.apiId, r.stage).replace(/\/\$default$/, '');
  const query = r.query.trim().replace(/^\?/, '');
  return `${base}${normalizePath(r.path)}${query ? `?${query}` : ''}`;
}

export async function sendApiRequest(
  live: LiveWorld,
  r: ApiRequestInput,
): Promise<ActionResult<ApiResponseView>> {
  const headers = parseHeaders(r.headers);
  if (!headers.ok) return headers;
  const { apigateway, hub } = live.lab.services;
  // A client always sends Host; API Gateway passes it on to the function in the event.
  if (!Object.keys(headers.value).some((h) => h.toLowerCase() === 'host'))
    headers.value.Host = [`${r.apiId}.execute-api.${hub.region}.amazonaws.com`];
  const { runner, lab } = live;
  const sentAt = lab.world.now();
  const pending = await runner.command(() => ({
    ok: true as const,
    value: apigateway.request({
      apiId: r.apiId,
      stage: r.stage,
      method: r.method,
      path: normalizePath(r.path),
      query: parseQuery(r.query),
      headers: headers.value,
      body: r.body === '' ? null : r.body,
    }),
    effects: [],
  }));
  if (!pending.ok) return refuse(pending.error.message);
  // Like runTest: move virtual time until API Gateway answers (its 29 s timeout bounds it).
  await untilAnswered(live, () => pending.value.response() !== null);
  const res = pending.value.response();
  if (!res) return refuse('API Gateway did not answer: the world has nothing left to run.');
  const requestId = pending.value.requestId;
  let reason = '';
  let answeredAt = lab.world.now();
  const events = lab.world.trace.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.name === 'apigw.response' && e.requestId === requestId) {
      reason = e.reason;
      answeredAt = e.t;
      break;
    }
  }
  const body = decodeBody(res.body, res.isBase64Encoded);
  return done({
    url: requestUrl(live, r),
    method: r.method,
    statusCode: res.statusCode,
    headers: res.headers,
    body: body.text,
    bodyBytes: body.bytes,
    requestId,
    reason,
    latencyMs: answeredAt - sentAt,
  });
}
