import { describe, expect, it } from 'vitest';
import type { FakePhase } from '../../sim';
import { listApis } from '../readModels/worldResources';
import { createApi, parseHeaders, parseQuery, requestUrl, sendApiRequest } from './consoleApi';
import { createConsoleTestLab, failing } from './consoleFixture';

const ok = (response: object): FakePhase => ({
  outcome: { status: 'success', responseJson: JSON.stringify(response) },
});

async function apiLab(invoke: FakePhase | ((eventJson: string) => FakePhase), timeoutS = 3) {
  const t = createConsoleTestLab({
    invoke: (request) => (typeof invoke === 'function' ? invoke(request.eventJson) : invoke),
  });
  await t.addFunction('hello-lambda', { timeoutS });
  const created = await createApi(t, { name: 'hello-api', functionName: 'hello-lambda', stage: 'default' });
  if (!created.ok) throw new Error(created.error);
  return { t, apiId: created.value.apiId };
}

const request = (apiId: string, over: Partial<Parameters<typeof sendApiRequest>[1]> = {}) => ({
  apiId,
  stage: 'default',
  method: 'GET',
  path: '/hello-lambda',
  query: '',
  headers: '',
  body: '',
  ...over,
});

describe('API Gateway request builder', () => {
  it('creates a REST API in front of the function, listed with its stage, route and invoke URL', async () => {
    const { t, apiId } = await apiLab(ok({ statusCode: 200, body: 'hi' }));
    expect(listApis(t.lab)).toEqual([
      {
        id: apiId,
        name: 'hello-api',
        kind: 'REST',
        stages: ['default'],
        routes: [{ path: '/hello-lambda', methods: ['ANY'] }],
        invokeUrls: { default: `https://${apiId}.execute-api.us-east-1.amazonaws.com/default` },
      },
    ]);
    expect(requestUrl(t, { apiId, stage: 'default', path: 'hello-lambda', query: '?a=1' })).toBe(
      `https://${apiId}.execute-api.us-east-1.amazonaws.com/default/hello-lambda?a=1`,
    );
  });

  it("sends method, query, headers and body through Lambda and shows the function's response", async () => {
    let event: Record<string, unknown> = {};
    const { t, apiId } = await apiLab((json) => {
      event = JSON.parse(json);
      return ok({ statusCode: 201, headers: { 'Content-Type': 'text/plain' }, body: 'created' });
    });
    const r = await sendApiRequest(
      t,
      request(apiId, { method: 'POST', query: 'tag=a&tag=b', headers: 'X-Trace: 7', body: '{"n": 1}' }),
    );
    expect(r).toMatchObject({
      ok: true,
      value: { statusCode: 201, body: 'created', headers: { 'Content-Type': 'text/plain' }, reason: 'ok' },
    });
    expect(event).toMatchObject({
      httpMethod: 'POST',
      path: '/hello-lambda',
      body: '{"n": 1}',
      multiValueQueryStringParameters: { tag: ['a', 'b'] },
      headers: { 'X-Trace': '7', Host: `${apiId}.execute-api.us-east-1.amazonaws.com` },
    });
    expect(t.invocations('hello-lambda')).toHaveLength(1);
  });

  it('answers 502 for a function error or a malformed proxy response, as a client sees it', async () => {
    const { t, apiId } = await apiLab(failing());
    const r = await sendApiRequest(t, request(apiId));
    expect(r).toMatchObject({
      ok: true,
      value: { statusCode: 502, body: '{"message": "Internal server error"}' },
    });
    const bad = await apiLab(ok({ hello: 'world' }));
    const r2 = await sendApiRequest(bad.t, request(bad.apiId));
    expect(r2).toMatchObject({
      ok: true,
      value: { statusCode: 502, reason: expect.stringMatching(/Malformed/) },
    });
  });

  it('answers 504 after 29 s of virtual time when the function runs longer', async () => {
    const { t, apiId } = await apiLab({ ...ok({ statusCode: 200, body: 'late' }), sleepMs: 40_000 }, 60);
    const r = await sendApiRequest(t, request(apiId));
    expect(r).toMatchObject({
      ok: true,
      value: { statusCode: 504, body: '{"message": "Endpoint request timed out"}', latencyMs: 29_000 },
    });
  });

  it('answers 403 Missing Authentication Token for a path with no route', async () => {
    const { t, apiId } = await apiLab(ok({ statusCode: 200, body: '' }));
    const r = await sendApiRequest(t, request(apiId, { path: '/nowhere' }));
    expect(r).toMatchObject({
      ok: true,
      value: { statusCode: 403, body: '{"message":"Missing Authentication Token"}' },
    });
    expect(t.invocations('hello-lambda')).toHaveLength(0);
  });

  it('parses query strings and header lines, and explains a bad header line', () => {
    expect(parseQuery('?q=a+b&x=%2F&x=2&flag')).toEqual({ q: ['a b'], x: ['/', '2'], flag: [''] });
    expect(parseHeaders('Accept: */*\n\nX-A: 1\nX-A: 2')).toEqual({
      ok: true,
      value: { Accept: ['*/*'], 'X-A': ['1', '2'] },
    });
    expect(parseHeaders('Accept */*')).toMatchObject({
      ok: false,
      error: 'Header line 1 should read "Name: value".',
    });
  });
});
