import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LabWorld } from '../host/labWorld';
import type { NodeRuntime } from '../runtime/node/nodeRuntime';
import { bootedRuntime, FIXTURES } from '../sam/testSupport';
import { main } from './main';
import { buildFromSource, createSamLab, parseSamInvoke, runSamInvoke, samSource } from './samCommands';
import { startApiServer } from './startApi';

let current: LabWorld | null = null;
let runtime: NodeRuntime;
const lab = (seed: number) => {
  current = createSamLab(Date.UTC(2026, 10, 26, 12), seed);
  return current;
};
// Each test builds a whole app and runs real Python; at a load of 30 that takes more than the default.
vi.setConfig({ testTimeout: 120_000 });
beforeAll(async () => {
  runtime = await bootedRuntime((json) => current?.awsCall(json) ?? '{}');
});
afterAll(async () => {
  await runtime.close();
});

const fixture = (name: string) => join(FIXTURES, name, 'template.yaml');
const dir = mkdtempSync(join(tmpdir(), 'lambda-lab-sam-'));
const template = (name: string, text: string) => {
  const folder = mkdtempSync(join(dir, name));
  writeFileSync(join(folder, 'app.py'), 'def handler(event, context):\n    return event\n');
  writeFileSync(join(folder, 'template.yaml'), text);
  return join(folder, 'template.yaml');
};

describe('lambda-lab validate', () => {
  it('lists what will be simulated and what will not', async () => {
    const out = await main(['validate', '-t', fixture('config')]);
    expect(out.exitCode).toBe(0);
    const text = out.stdout.join('\n');
    expect(text).toContain('function Connect: python3.13, connect.handler, 256 MB, 3 s');
    expect(text).toContain('secret DbSecret: db-credentials');
    expect(text).toMatch(/Not simulated:\n {2}AWS::StepFunctions::StateMachine: .*\(Workflow\)/);
  });

  it('gives the file, line and reason for a malformed template, with exit status 2', async () => {
    const bad = template(
      'bad',
      'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [1, 2\n',
    );
    const out = await main(['validate', '-t', bad]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr[0]).toMatch(/^lambda-lab: template\.yaml:\d+: /);
    const unknown = template(
      'ref',
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      Environment:\n        Variables:\n          X: !Ref Nowhere\n',
    );
    const ref = await main(['validate', '-t', unknown]);
    expect(ref.exitCode).toBe(2);
    expect(ref.stderr[0]).toBe(
      'lambda-lab: template.yaml:10: !Ref Nowhere: no parameter or resource has that name',
    );
  });

  it('refuses bad arguments and missing files with exit status 2', async () => {
    expect((await main(['validate'])).stderr[0]).toContain('Give the template with -t template.yaml.');
    expect((await main(['validate', '-t', join(dir, 'none.yaml')])).exitCode).toBe(2);
    expect((await main(['start-api', '-t', fixture('http-api'), '--port', 'web'])).stderr[0]).toContain(
      '--port must be a whole number',
    );
    const override = await main([
      'validate',
      '-t',
      fixture('api-crud'),
      '--parameter-overrides',
      'Colors=a,b',
      'Stage=qa',
    ]);
    expect(override.exitCode).toBe(2);
    expect(override.stderr[0]).toContain('parameter Stage is "qa", not one of dev, prod');
  });
});

describe('lambda-lab invoke -t', () => {
  it('invokes the function a LogicalId names with an event file, printing the response and the logs', async () => {
    const options = parseSamInvoke([
      '-t',
      fixture('api-crud'),
      'ItemsFunction',
      '-e',
      join(FIXTURES, 'api-crud', 'events', 'put.json'),
    ]);
    const out = await runSamInvoke(options, runtime, lab(1));
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout[0] ?? '{}')).toMatchObject({ statusCode: 201, body: '{"stored": "a1"}' });
    expect(out.stderr.some((l) => l.startsWith('REPORT RequestId:'))).toBe(true);
  });

  it('takes --env-vars as sam does: Parameters for every function, then by LogicalId, declared variables only', async () => {
    const vars = join(dir, 'env.json');
    writeFileSync(
      vars,
      JSON.stringify({ Parameters: { STAGE: 'qa', NEW: 'x' }, ItemsFunction: { JOINED: 'from-file' } }),
    );
    const out = await runSamInvoke(
      parseSamInvoke(['-t', fixture('api-crud'), '--env-vars', vars, '--event-json', '{}']),
      runtime,
      lab(4),
    );
    const env = JSON.parse(out.stdout[0] ?? '{}').env;
    expect([env.STAGE, env.JOINED, env.NEW, env.TABLE_NAME]).toEqual([
      'qa',
      'from-file',
      undefined,
      'sam-app-ItemsTable',
    ]);
    expect(
      (await main(['validate', '-t', fixture('api-crud'), '--env-vars', join(dir, 'none.json')])).stderr[0],
    ).toContain('is not a JSON file the lab can read');
  });

  it('needs a LogicalId when the template has several functions, and exits 1 when the handler fails', async () => {
    const many = await main(['invoke', '-t', fixture('http-api')]);
    expect(many.exitCode).toBe(2);
    expect(many.stderr[0]).toContain('The template has 3 functions; name one: Hello, Echo, Slow.');
    const failing = await runSamInvoke(
      parseSamInvoke(['-t', fixture('config'), 'Connect', '--event-json', '{"fail": true}']),
      runtime,
      lab(2),
    );
    expect(failing.exitCode).toBe(1);
    expect(JSON.parse(failing.stdout[0] ?? '{}')).toMatchObject({ errorMessage: 'database unreachable' });
  });
});

describe('lambda-lab invoke -t: versions and aliases', () => {
  it('lists what AutoPublishAlias published (SnapStart: snapshot taken), through boto3 in a handler the CLI runs', async () => {
    const path = template(
      'versions',
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Shop:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.13',
        '      Handler: index.handler',
        '      AutoPublishAlias: live',
        '      SnapStart:',
        '        ApplyOn: PublishedVersions',
        '      InlineCode: |',
        '        def handler(event, context):',
        '            return context.function_version',
        '  Ops:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.13',
        '      Handler: index.handler',
        '      Environment:',
        '        Variables:',
        '          SHOP: !Ref Shop',
        '      Policies:',
        '        - Statement:',
        '            - Effect: Allow',
        '              Action: [lambda:ListVersionsByFunction, lambda:ListAliases]',
        "              Resource: '*'",
        '      InlineCode: |',
        '        import os, boto3',
        '        lam = boto3.client("lambda")',
        '        def handler(event, context):',
        '            name = os.environ["SHOP"]',
        '            versions = lam.list_versions_by_function(FunctionName=name)["Versions"]',
        '            aliases = lam.list_aliases(FunctionName=name)["Aliases"]',
        '            return {"versions": [v["Version"] for v in versions],',
        '                    "aliases": [[a["Name"], a["FunctionVersion"]] for a in aliases]}',
        '',
      ].join('\n'),
    );
    const out = await runSamInvoke(
      parseSamInvoke(['-t', path, 'Ops', '--event-json', '{}']),
      runtime,
      lab(7),
    );
    expect(out, out.stderr.join('\n')).toMatchObject({ exitCode: 0 });
    expect(JSON.parse(out.stdout[0] ?? '{}')).toEqual({
      versions: ['$LATEST', '1'],
      aliases: [['live', '1']],
    });
    // The template's SnapStart reached the version: its snapshot was taken while the app was built.
    expect(current?.world.snapshotState('Shop', '1')?.state).toBe('Active');
  });
});

describe('lambda-lab start-api', () => {
  it('answers real HTTP requests on 127.0.0.1 through the simulated HTTP and REST APIs', async () => {
    const built = await buildFromSource(samSource({ template: fixture('http-api') }), runtime, lab(3));
    const lines: string[] = [];
    const server = await startApiServer(built, { port: 0, host: '127.0.0.1', log: (l) => lines.push(l) });
    try {
      const hello = await fetch(`${server.url}/hello/ada?x=1`);
      expect(hello.status).toBe(200);
      expect(await hello.json()).toEqual({ message: 'hello ada', route: 'GET /hello/{name}', q: { x: '1' } });
      const echo = await fetch(`${server.url}/echo`, { method: 'POST', body: 'ping' });
      expect([echo.status, echo.headers.get('x-lab'), await echo.text()]).toEqual([200, 'echo', 'ping']);
      const slow = await fetch(`${server.url}/slow`);
      expect([slow.status, await slow.json()]).toEqual([504, { message: 'Endpoint request timed out' }]);
      const broken = await fetch(`${server.url}/broken`);
      expect([broken.status, await broken.json()]).toEqual([502, { message: 'Internal server error' }]);
      const missing = await fetch(`${server.url}/nowhere`);
      expect(missing.status).toBe(404);
      expect(server.routes).toContain(`GET ${server.url}/slow -> Slow (REST API AdminApi, stage v1)`);
      expect(lines).toContain('GET /hello/ada?x=1 200');
    } finally {
      await server.close();
    }
  });
});
