import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../runtime/node/nodeRuntime';
import { createTestRouter, fixtureFiles } from './testSupport';

const router = createTestRouter();
let runtime: NodeRuntime;
beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: (json) => router.awsCall(json) });
});
afterAll(async () => {
  await runtime.close();
});

const payload = (r: { response: { payloadJson: string } | null }) =>
  JSON.parse(r.response?.payloadJson ?? 'null');

describe('SAM fixture: api-crud (Globals, Parameters, Conditions, intrinsics, layer, SimpleTable, REST API)', () => {
  it('resolves intrinsics and Globals into the function, and a POST stores an item the GET reads back', async () => {
    const { runner, built, call } = await router.build(runtime, fixtureFiles('api-crud'));
    const fn = built.app.workspace.functions.ItemsFunction;
    expect(fn?.memorySize).toBe(512);
    expect(fn?.layers).toEqual(['common']);
    const env = payload(await runner.invoke({ functionName: 'ItemsFunction', payloadJson: '{}' }));
    expect(env).toEqual({
      env: {
        STAGE: 'dev',
        TABLE_NAME: 'sam-app-ItemsTable',
        TABLE_ARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/sam-app-ItemsTable',
        WHERE: 'us-east-1/123456789012/sam-app',
        GREETING: 'hello from green',
        JOINED: 'a-dev-z',
        LITERAL: ['$', '{NotAVariable}'].join(''),
      },
      memory: '512',
    });
    const put = await runner.invoke({ functionName: 'ItemsFunction', payloadJson: fn?.events.put ?? '' });
    expect(payload(put)).toMatchObject({ statusCode: 201 });
    const scan = call('dynamodb', 'Scan', { TableName: 'sam-app-ItemsTable' });
    expect(scan.Items).toEqual([{ id: { S: 'a1' }, name: { S: 'lamp' } }]);
    const api = built.apis.find((a) => a.logicalId === 'ServerlessRestApi');
    expect(api).toMatchObject({ type: 'REST', stage: 'Prod' });
  });

  it('takes parameter overrides, and the condition follows them', async () => {
    const { runner } = await router.build(runtime, fixtureFiles('api-crud'), { Stage: 'prod' }, 2);
    const env = payload(await runner.invoke({ functionName: 'ItemsFunction', payloadJson: '{}' }));
    expect(env.memory).toBe('1024');
    expect(env.env.STAGE).toBe('prod');
  });
});
