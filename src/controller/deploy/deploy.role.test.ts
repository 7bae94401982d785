/** The execution role built from the draft is what boto3 calls are checked against (real Python). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabRunner } from '../../host/labRunner';
import { createLabWorld, type LabWorld } from '../../host/labWorld';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import { defaultWorkspace, type WorkspaceDoc } from '../../store/workspaceDoc';
import { deployOnRunner } from './deploy';

const CODE = [
  'import boto3',
  '',
  'table = boto3.resource("dynamodb").Table("Orders")',
  '',
  '',
  'def lambda_handler(event, context):',
  '    return table.get_item(Key={"OrderId": "o-1"})["Item"]',
  '',
].join('\n');

const GET_ITEM = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'dynamodb:GetItem',
      Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders',
    },
  ],
});

let lab: LabWorld;
let runtime: NodeRuntime;
beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
});
afterAll(async () => {
  await runtime.close();
});

function workspaceWith(inlinePolicy: string): WorkspaceDoc {
  const ws = defaultWorkspace();
  const draft = ws.functions[ws.activeFunction];
  if (!draft) throw new Error('no draft');
  const files = { 'lambda_function.py': CODE };
  return {
    ...ws,
    functions: {
      [ws.activeFunction]: { ...draft, files, timeout: 10, role: { ...draft.role, inlinePolicy } },
    },
  };
}

describe('the execution role from the role editor', () => {
  it('denies GetItem under the default role and allows it once the inline policy grants it', async () => {
    lab = createLabWorld({ seed: 3, startTimeMs: Date.UTC(2026, 0, 5), access: 'basic' });
    const runner = createLabRunner(lab.world, runtime);
    lab.consoleCall('dynamodb', 'CreateTable', {
      TableName: 'Orders',
      KeySchema: [{ AttributeName: 'OrderId', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'OrderId', AttributeType: 'S' }],
    });
    lab.consoleCall('dynamodb', 'PutItem', { TableName: 'Orders', Item: { OrderId: { S: 'o-1' } } });
    const name = defaultWorkspace().activeFunction;
    const invoke = () => runner.invoke({ functionName: name, payloadJson: '{}' });

    expect(await deployOnRunner(lab, runner, name, workspaceWith(''))).toMatchObject({ ok: true });
    const denied = (await invoke()).response;
    expect(denied?.functionError).toBe('Unhandled');
    expect(JSON.parse(denied?.payloadJson ?? '{}')).toMatchObject({
      errorType: 'ClientError',
      errorMessage: expect.stringContaining(
        `An error occurred (AccessDeniedException) when calling the GetItem operation: User: arn:aws:sts::123456789012:assumed-role/${name}-role/${name} is not authorized to perform: dynamodb:GetItem`,
      ),
    });

    // A role change is not a configuration change: the warm environment stays and sees the new policy.
    expect(await deployOnRunner(lab, runner, name, workspaceWith(GET_ITEM))).toMatchObject({
      ok: true,
      steps: ['role'],
    });
    const allowed = (await invoke()).response;
    expect(allowed?.functionError).toBeNull();
    expect(JSON.parse(allowed?.payloadJson ?? '{}')).toEqual({ OrderId: 'o-1' });
    expect(allowed?.initDurationMs).toBeNull();
  }, 120_000);
});
