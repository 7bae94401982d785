/**
 * Function URLs from the console: create one (for AuthType NONE the console also adds the statement that
 * lets anyone call lambda:InvokeFunctionUrl) and send a request to it, waiting in virtual time for the answer.
 */
import type { UrlAuthType } from '../../sim/services/functionUrls';
import { parseHeaders, parseQuery } from './consoleApi';
import { type ActionResult, call, done, type LiveWorld, refuse, untilAnswered } from './consoleCall';
import { normalizePath } from './consoleNames';

export interface FunctionUrlView {
  readonly url: string;
  readonly functionName: string;
  readonly authType: UrlAuthType;
}

export interface UrlResponseView {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The event the function received (payload format 2.0), or null when the URL refused the request. */
  readonly eventJson: string | null;
  readonly latencyMs: number;
}

export const listFunctionUrls = (live: LiveWorld): FunctionUrlView[] =>
  live.lab.services.functionUrls.list().map((u) => ({
    url: u.url,
    functionName: u.functionName,
    authType: u.authType,
  }));

export async function createFunctionUrl(
  live: LiveWorld,
  functionName: string,
  authType: UrlAuthType,
): Promise<ActionResult<string>> {
  const created = await call(live, 'lambda', 'CreateFunctionUrlConfig', {
    FunctionName: functionName,
    AuthType: authType,
  });
  if (!created.ok) return created;
  if (authType === 'NONE') {
    const allowed = await call(live, 'lambda', 'AddPermission', {
      FunctionName: functionName,
      StatementId: 'FunctionURLAllowPublicAccess',
      Action: 'lambda:InvokeFunctionUrl',
      Principal: '*',
      FunctionUrlAuthType: 'NONE',
    });
    if (!allowed.ok) return allowed;
  }
  return done(String(created.value.FunctionUrl));
}

export async function sendUrlRequest(
  live: LiveWorld,
  r: {
    url: string;
    method: string;
    path: string;
    query: string;
    headers: string;
    body: string;
    signed: boolean;
  },
): Promise<ActionResult<UrlResponseView>> {
  const headers = parseHeaders(r.headers);
  if (!headers.ok) return headers;
  const { runner, lab } = live;
  const sentAt = lab.world.now();
  const pending = await runner.command(() => ({
    ok: true as const,
    value: lab.services.functionUrls.request({
      url: r.url,
      method: r.method,
      path: normalizePath(r.path),
      query: parseQuery(r.query),
      headers: Object.fromEntries(Object.entries(headers.value).map(([k, v]) => [k, v.join(',')])),
      body: r.body === '' ? null : r.body,
      signed: r.signed,
    }),
    effects: [],
  }));
  if (!pending.ok) return refuse(pending.error.message);
  await untilAnswered(live, () => pending.value.response() !== null);
  const res = pending.value.response();
  if (!res) return refuse('The function URL did not answer: the world has nothing left to run.');
  const start = [...lab.world.trace.events]
    .reverse()
    .find((e) => e.name === 'lambda.url.response' && e.requestId === pending.value.requestId);
  return done({
    statusCode: res.statusCode,
    headers: res.headers,
    body: res.body,
    eventJson: pending.value.eventJson(),
    latencyMs: (start?.t ?? lab.world.now()) - sentAt,
  });
}
