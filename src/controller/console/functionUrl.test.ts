/** Function URLs with real Python: the 2.0 event, the public policy NONE needs, and signed AWS_IAM requests. */
import { afterAll, describe, expect, it } from 'vitest';
import { createPythonServiceHost, type PythonServiceLab } from '../../host/testing/pythonServiceFixture';
import { createFunctionUrl, listFunctionUrls, sendUrlRequest } from './consoleUrls';

const host = createPythonServiceHost();
afterAll(() => host.close());

const ECHO = [
  'import json',
  '',
  'def lambda_handler(event, context):',
  '    if event.get("rawPath") == "/boom":',
  '        raise RuntimeError("boom")',
  '    ctx = event["requestContext"]',
  '    return {"statusCode": 201, "headers": {"x-seen": event["version"]}, "body": json.dumps({',
  '        "path": event["rawPath"], "query": event.get("queryStringParameters"), "method": ctx["http"]["method"],',
  '        "domain": ctx["domainName"], "account": ctx["accountId"], "iam": "authorizer" in ctx, "body": event.get("body")})}',
  '',
].join('\n');

// What a deployment script does: create the URL and (for NONE) the policy statement the console adds.
const SETUP = [
  'import boto3',
  'lam = boto3.client("lambda")',
  '',
  'def lambda_handler(event, context):',
  '    url = lam.create_function_url_config(FunctionName="echo", AuthType=event["auth"])',
  '    if event.get("public"):',
  '        lam.add_permission(FunctionName="echo", StatementId="url", Action="lambda:InvokeFunctionUrl",',
  '                           Principal="*", FunctionUrlAuthType="NONE")',
  '    return url',
  '',
].join('\n');

async function send(
  t: PythonServiceLab,
  url: string,
  path: string,
  signed = false,
  body: string | null = null,
) {
  const pending = t.lab.services.functionUrls.request({
    url,
    method: 'POST',
    path,
    query: { size: ['large'] },
    headers: { 'Content-Type': 'application/json' },
    body,
    signed,
  });
  await t.runner.runUntilIdle();
  const r = pending.response();
  if (!r) throw new Error('no response');
  return r;
}

describe('a function URL', () => {
  it('with AuthType NONE answers 403 until the policy allows everyone, then passes a 2.0 event', async () => {
    const t = host.fresh(71);
    await t.addFunction('echo', ECHO);
    await t.addFunction('setup', SETUP);
    const config = (await t.invoke('setup', { auth: 'NONE' })) as Record<string, string>;
    expect(config.FunctionUrl).toMatch(/^https:\/\/[a-z0-9]{32}\.lambda-url\.us-east-1\.on\.aws\/$/);
    expect(config.AuthType).toBe('NONE');
    const url = config.FunctionUrl ?? '';
    expect(await send(t, url, '/orders')).toMatchObject({ statusCode: 403, body: '{"Message":"Forbidden"}' });

    t.ok('lambda', 'AddPermission', {
      FunctionName: 'echo',
      StatementId: 'url',
      Action: 'lambda:InvokeFunctionUrl',
      Principal: '*',
      FunctionUrlAuthType: 'NONE',
    });
    const r = await send(t, url, '/orders', false, '{"n":1}');
    expect(r.statusCode).toBe(201);
    expect(r.headers['x-seen']).toBe('2.0');
    expect(JSON.parse(r.body)).toEqual({
      path: '/orders',
      query: { size: 'large' },
      method: 'POST',
      domain: url.slice('https://'.length, -1),
      account: 'anonymous',
      iam: false,
      body: '{"n":1}',
    });
    expect((await send(t, url, '/boom')).statusCode).toBe(502);
  });

  it('with AuthType AWS_IAM refuses an unsigned request and passes the caller to the handler when signed', async () => {
    const t = host.fresh(72);
    await t.addFunction('echo', ECHO);
    await t.addFunction('setup', SETUP);
    const config = (await t.invoke('setup', { auth: 'AWS_IAM' })) as Record<string, string>;
    const url = config.FunctionUrl ?? '';
    expect((await send(t, url, '/')).statusCode).toBe(403);
    const r = await send(t, url, '/', true);
    expect(r.statusCode).toBe(201);
    expect(JSON.parse(r.body)).toMatchObject({ account: '123456789012', iam: true });
    const again = t.lab.consoleCall('lambda', 'CreateFunctionUrlConfig', {
      FunctionName: 'echo',
      AuthType: 'NONE',
    });
    expect(again.kind === 'error' && again.error.code).toBe('ResourceConflictException');
  });
});

describe('the console’s function URL actions', () => {
  it('creates a public URL with its policy statement and shows the 2.0 event the function got', async () => {
    const t = host.fresh(73);
    await t.addFunction('echo', ECHO);
    const live = { lab: t.lab, runner: t.runner };
    const created = await createFunctionUrl(live, 'echo', 'NONE');
    if (!created.ok) throw new Error(created.error);
    expect(listFunctionUrls(live)).toEqual([{ url: created.value, functionName: 'echo', authType: 'NONE' }]);
    const policy = JSON.parse(String(t.ok('lambda', 'GetPolicy', { FunctionName: 'echo' }).Policy));
    expect(policy.Statement[0]).toMatchObject({
      Action: 'lambda:InvokeFunctionUrl',
      Sid: 'FunctionURLAllowPublicAccess',
    });
    const r = await sendUrlRequest(live, {
      url: created.value,
      method: 'GET',
      path: '/items',
      query: 'page=2',
      headers: 'Accept: application/json',
      body: '',
      signed: false,
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.statusCode).toBe(201);
    const event = JSON.parse(r.value.eventJson ?? '');
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/items',
      rawQueryString: 'page=2',
    });
    expect(event.requestContext.http).toMatchObject({ method: 'GET', path: '/items', protocol: 'HTTP/1.1' });
  });
});
