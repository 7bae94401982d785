/**
 * A scratch-world job (as a visualizer or demo runs) and the learner's S3 trigger share one real Python
 * runtime at the same time: every boto3 call must land in its own world. Both worlds hold a function
 * and a table of the same names, so only the calling environment tells them apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import type { JsonObject } from '../../sim/services/json';
import { createLab } from '../lab';
import type { LabRunner } from '../labRunner';
import { createLabRunner } from '../labRunner';
import { createLabWorld, LAB_ROLE_ARN, type LabWorld } from '../labWorld';

const HANDLER = [
  'import os',
  'import boto3',
  'ddb = boto3.client("dynamodb")',
  '',
  'def lambda_handler(event, context):',
  '    keys = [r["s3"]["object"]["key"] for r in event.get("Records", [])] or [event["id"]]',
  '    for key in keys:',
  '        ddb.put_item(TableName="items", Item={"id": {"S": key}, "world": {"S": os.environ["WORLD"]}})',
  '    return keys',
  '',
].join('\n');

let runtime: NodeRuntime | null = null;
const lab = createLab({
  runtime: () => runtime,
  newWorld: () => createLabWorld({ seed: 1, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' }),
});

beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: lab.router.awsCall });
});
afterAll(async () => {
  await runtime?.close();
});

function ok(world: LabWorld, service: string, operation: string, params: JsonObject) {
  const r = world.consoleCall(service, operation, params);
  if (r.kind !== 'result') throw new Error(`${service}.${operation}: ${JSON.stringify(r)}`);
  return r.result;
}

/** The table `items` and the function `worker`, tagged with the world's name. */
async function furnish(world: LabWorld, runner: LabRunner, name: string): Promise<void> {
  ok(world, 'dynamodb', 'CreateTable', {
    TableName: 'items',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  });
  const created = await runner.command((w) =>
    w.createFunction({
      functionName: 'worker',
      role: LAB_ROLE_ARN,
      runtime: 'python3.13',
      handler: 'lambda_function.lambda_handler',
      timeout: 30,
      memorySize: 1769,
      environment: { variables: { WORLD: name } },
      code: { files: { 'lambda_function.py': HANDLER } },
    }),
  );
  if (!created.ok) throw new Error(created.error.message);
}

/** Every item of the world's table, as "id@world". */
function items(world: LabWorld): string[] {
  const scanned = ok(world, 'dynamodb', 'Scan', { TableName: 'items' }) as {
    Items: { id: { S: string }; world: { S: string } }[];
  };
  return scanned.Items.map((i) => `${i.id.S}@${i.world.S}`).sort();
}

describe("the lab's boto3 routing", () => {
  it("keeps a scratch job's calls and the learner's trigger's calls each in its own world", async () => {
    const home = lab.home();
    if (!home) throw new Error('no learner world');
    await furnish(home.lab, home.runner, 'learner');
    ok(home.lab, 's3', 'CreateBucket', { Bucket: 'uploads' });
    ok(home.lab, 'lambda', 'AddPermission', {
      FunctionName: 'worker',
      StatementId: 's3',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::uploads',
    });
    ok(home.lab, 's3', 'PutBucketNotificationConfiguration', {
      Bucket: 'uploads',
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:worker',
            Events: ['s3:ObjectCreated:*'],
          },
        ],
      },
    });

    let scratch: LabWorld | null = null;
    let busyWhenTriggered = false;
    await lab.jobs.wait(async () => {
      const deps = lab.deps();
      const world = createLabWorld({
        seed: deps.router.nextSeed(),
        startTimeMs: Date.UTC(2026, 10, 26),
        access: 'admin',
      });
      scratch = world;
      const release = deps.router.register(world);
      const runner = createLabRunner(world.world, deps.runtime);
      try {
        await furnish(world, runner, 'scratch');
        // The scratch world's function is warm and the job is mid-way when the learner's upload lands.
        await runner.invoke({ functionName: 'worker', payloadJson: '{"id": "job-1"}' });
        busyWhenTriggered = lab.jobs.busy();
        ok(home.lab, 's3', 'PutObject', { Bucket: 'uploads', Key: 'cat.jpg', Body: 'meow' });
        await Promise.all([
          home.runner.runUntilIdle(),
          runner.invoke({ functionName: 'worker', payloadJson: '{"id": "job-2"}' }),
          runner.invoke({ functionName: 'worker', payloadJson: '{"id": "job-3"}' }),
        ]);
      } finally {
        await Promise.all(world.world.envs().map((e) => deps.runtime.destroy(e.envId)));
        release();
      }
    });

    expect(busyWhenTriggered).toBe(true);
    expect(items(home.lab)).toEqual(['cat.jpg@learner']);
    if (!scratch) throw new Error('the job did not run');
    expect(items(scratch)).toEqual(['job-1@scratch', 'job-2@scratch', 'job-3@scratch']);
    // The learner's trigger ran a real invocation in the learner's world, not a refused call.
    const invoked = home.lab.world.trace.events.filter((e) => e.name === 'lambda.invoke.end');
    expect(invoked.length).toBe(1);
  }, 120_000);
});
