import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultSettings } from '../store/draftSchema';
import { defaultWorkspace, newFunctionDraft, type WorkspaceDoc } from '../store/workspaceDoc';
import { appInput } from './appFiles';
import { exportSamFiles, unzipText, zipFiles } from './exportApp';
import { readSamTemplate } from './readTemplate';
import { fixtureFiles } from './testSupport';

const read = (files: Record<string, string>) => readSamTemplate(appInput(files));

/** A workspace as a learner builds it in the lab: two functions, triggers of every kind, a named role, a layer. */
function labWorkspace(): WorkspaceDoc {
  const ws = defaultWorkspace();
  const orders = {
    ...newFunctionDraft('import shared\n\ndef handler(event, context):\n    return shared.NAME\n'),
    files: {
      'app.py': 'import shared\n\ndef handler(event, context):\n    return shared.NAME\n',
      'lib/util.py': 'X = 1\n',
    },
    handler: 'app.handler',
    activeFile: 'lib/util.py',
    memorySize: 512,
    timeout: 30,
    ephemeralStorage: 1024,
    architecture: 'arm64' as const,
    environment: { QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders', MODE: 'strict' },
    events: { big: '{"n": 2}', small: '{"n": 1}' },
    activeEvent: 'small',
    reservedConcurrency: 3,
    provisionedConcurrency: 1,
    layers: ['shared-code'],
    role: {
      name: 'orders-role',
      managedPolicies: ['AWSLambdaBasicExecutionRole', 'AWSLambdaSQSQueueExecutionRole'],
      inlinePolicy: `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: 'arn:aws:sqs:us-east-1:123456789012:orders' }] }, null, 2)}\n`,
    },
    triggers: [
      {
        kind: 'sqs' as const,
        id: 'orders',
        queue: 'orders',
        batchSize: 5,
        batchWindowS: 2,
        reportBatchItemFailures: true,
      },
      {
        kind: 's3' as const,
        id: 'uploads',
        bucket: 'lab-uploads',
        events: ['s3:ObjectCreated:*' as const],
        prefix: 'in/',
        suffix: '.csv',
      },
      { kind: 'sns' as const, id: 'alerts', topic: 'alerts' },
      {
        kind: 'dynamodb' as const,
        id: 'changes',
        table: 'orders-table',
        startingPosition: 'TRIM_HORIZON' as const,
        batchSize: 50,
      },
      {
        kind: 'apigateway' as const,
        id: 'rest',
        apiType: 'REST' as const,
        apiName: 'orders-api',
        method: 'POST' as const,
        path: '/orders',
        stage: 'dev',
      },
      {
        kind: 'apigateway' as const,
        id: 'http',
        apiType: 'HTTP' as const,
        apiName: 'ServerlessHttpApi',
        method: 'GET' as const,
        path: '/orders/{id}',
        stage: '$default',
      },
      {
        kind: 'eventbridge' as const,
        id: 'nightly',
        ruleName: 'nightly',
        mode: 'schedule' as const,
        schedule: 'cron(0 2 * * ? *)',
        eventPattern: '',
      },
      {
        kind: 'eventbridge' as const,
        id: 'shipped',
        ruleName: 'shipped',
        mode: 'pattern' as const,
        schedule: '',
        eventPattern: '{"source":["shop"]}',
      },
    ],
    destinations: {
      ...defaultSettings().destinations,
      onFailure: { kind: 'sqs' as const, name: 'failed' },
      maximumRetryAttempts: 1,
    },
  };
  // The starter function gets SnapStart (orders has provisioned concurrency, which SnapStart excludes).
  const starter = Object.keys(ws.functions)[0] as string;
  return {
    ...ws,
    functions: { [starter]: { ...ws.functions[starter]!, snapStart: true }, 'orders-fn': orders },
    activeFunction: 'orders-fn',
    layers: {
      'shared-code': {
        files: { 'python/shared.py': 'NAME = "shared"\n' },
        compatibleRuntimes: ['python3.13'],
      },
    },
  };
}

/** Every Ref and GetAtt names a resource of the template (or a pseudo parameter), and every CodeUri has files. */
function checkDeployable(files: Record<string, string>): void {
  const template = parse(files['template.yaml'] ?? '');
  const ids = new Set(Object.keys(template.Resources));
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.Ref === 'string' && !o.Ref.startsWith('AWS::'))
        expect(ids, `Ref ${o.Ref}`).toContain(o.Ref);
      if (Array.isArray(o['Fn::GetAtt'])) expect(ids).toContain(o['Fn::GetAtt'][0]);
      Object.values(o).forEach(walk);
    }
  };
  walk(template.Resources);
  for (const r of Object.values(template.Resources) as {
    Type: string;
    Properties: Record<string, string>;
  }[]) {
    const dir = r.Properties?.CodeUri ?? r.Properties?.ContentUri;
    if (dir)
      expect(
        Object.keys(files).some((f) => f.startsWith(dir)),
        dir,
      ).toBe(true);
  }
}

describe('Export as SAM app, then open it again', () => {
  for (const name of ['api-crud', 'queues', 'streams', 'push', 'config', 'http-api'])
    it(`gives the same workspace and resources (fixture ${name})`, () => {
      const app = read(fixtureFiles(name));
      const files = exportSamFiles(app.workspace, app);
      checkDeployable(files);
      const again = read(files);
      expect(again.workspace).toEqual(app.workspace);
      expect(again.resources).toEqual(app.resources);
      expect(again.apis).toEqual(app.apis);
    });

  it('gives the same workspace for one built in the lab (every trigger kind, a named role, a layer)', () => {
    const ws = labWorkspace();
    const files = exportSamFiles(ws);
    checkDeployable(files);
    expect(read(files).workspace).toEqual(ws);
    // The handler's code is unchanged, beside the template, and the template is what sam deploys.
    expect(files['OrdersFn/app.py']).toBe(ws.functions['orders-fn']?.files['app.py']);
    const template = parse(files['template.yaml'] ?? '');
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(template.Resources.OrdersFn.Properties).toMatchObject({
      FunctionName: 'orders-fn',
      CodeUri: 'OrdersFn/',
      Handler: 'app.handler',
      Environment: { Variables: { QUEUE_URL: { Ref: 'OrdersQueue' } } },
      Role: { 'Fn::GetAtt': ['OrdersRole', 'Arn'] },
    });
    expect(files['README.md']).toContain('sam build\nsam deploy --guided');
  });

  it('survives the .zip, with its files under one folder', () => {
    const files = exportSamFiles(labWorkspace());
    const { files: back, skipped } = unzipText(zipFiles(files, 'my-app'));
    expect(skipped).toEqual([]);
    expect(read(back).workspace).toEqual(labWorkspace());
  });
});
