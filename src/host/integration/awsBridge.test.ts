import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import { createLabRunner } from '../labRunner';
import { createLabWorld, LAB_ROLE_ARN, type RoleAccess } from '../labWorld';

let runtime: NodeRuntime;
let lab = createLabWorld({ seed: 1, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' });

beforeAll(() => {
  // The runtime answers boto3 calls against whichever lab world the current test uses.
  runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
});
afterAll(async () => {
  await runtime.close();
});

async function run(access: RoleAccess, seed: number, code: string, eventJson = '{}') {
  lab = createLabWorld({ seed, startTimeMs: Date.UTC(2026, 10, 26), access });
  const runner = createLabRunner(lab.world, runtime);
  const created = await runner.command((w) =>
    w.createFunction({
      functionName: 'bridge-fn',
      role: LAB_ROLE_ARN,
      runtime: 'python3.13',
      handler: 'lambda_function.lambda_handler',
      timeout: 10,
      // One full vCPU: these tests are about the bridge, not the CPU model.
      memorySize: 1769,
      code: { files: { 'lambda_function.py': code } },
    }),
  );
  expect(created.ok).toBe(true);
  const { response } = await runner.invoke({ functionName: 'bridge-fn', payloadJson: eventJson });
  if (!response) throw new Error('no response');
  return { response, lab };
}

describe('boto3 calls from a handler reach the simulated services', () => {
  it('writes and reads an S3 object through the worker channel', async () => {
    const code = [
      'import boto3',
      's3 = boto3.client("s3")',
      '',
      'def lambda_handler(event, context):',
      '    s3.create_bucket(Bucket="photos")',
      '    s3.put_object(Bucket="photos", Key="cat.txt", Body=b"meow")',
      '    body = s3.get_object(Bucket="photos", Key="cat.txt")["Body"].read()',
      '    return {"body": body.decode(), "keys": [o["Key"] for o in s3.list_objects_v2(Bucket="photos")["Contents"]]}',
      '',
    ].join('\n');
    const { response, lab: used } = await run('admin', 11, code);
    expect(response.functionError).toBeNull();
    expect(JSON.parse(response.payloadJson)).toEqual({ body: 'meow', keys: ['cat.txt'] });
    expect(used.services.s3).toBeDefined();
  });

  it('refuses a call the execution role does not allow, with AWS AccessDenied wording', async () => {
    const code = [
      'import boto3',
      'from botocore.exceptions import ClientError',
      '',
      'def lambda_handler(event, context):',
      '    try:',
      '        boto3.client("s3").list_buckets()',
      '    except ClientError as e:',
      '        return {"code": e.response["Error"]["Code"], "message": str(e)}',
      '',
    ].join('\n');
    const { response } = await run('basic', 12, code);
    const out = JSON.parse(response.payloadJson);
    expect(out.code).toBe('AccessDenied');
    expect(out.message).toContain(
      'User: arn:aws:sts::123456789012:assumed-role/lambda-lab-execution-role/bridge-fn is not authorized to perform: s3:ListAllMyBuckets',
    );
  });

  it('carries a long answer across several chunks', async () => {
    const code = [
      'import boto3',
      's3 = boto3.client("s3")',
      '',
      'def lambda_handler(event, context):',
      '    s3.create_bucket(Bucket="big")',
      '    s3.put_object(Bucket="big", Key="blob", Body=b"x" * 700_000)',
      '    return len(s3.get_object(Bucket="big", Key="blob")["Body"].read())',
      '',
    ].join('\n');
    const { response } = await run('admin', 13, code);
    expect(response.payloadJson).toBe('700000');
  });

  it('charges each AWS call its modeled latency (5 ms) as waiting, not as scaled CPU time', async () => {
    const code = [
      'import boto3, time',
      's3 = boto3.client("s3")',
      '',
      'def lambda_handler(event, context):',
      '    t0 = time.time()',
      '    for _ in range(10):',
      '        s3.list_buckets()',
      '    return time.time() - t0',
      '',
    ].join('\n');
    const { response } = await run('admin', 15, code);
    expect(Number(response.payloadJson)).toBeGreaterThanOrEqual(0.05);
    expect(response.durationMs).toBeGreaterThanOrEqual(50);
  });

  it('blocks outbound internet access with an explanation', async () => {
    const code = [
      'import urllib.request',
      '',
      'def lambda_handler(event, context):',
      '    try:',
      '        urllib.request.urlopen("https://example.com")',
      '    except Exception as e:',
      '        return str(e)',
      '',
    ].join('\n');
    const { response } = await run('admin', 14, code);
    expect(JSON.parse(response.payloadJson)).toMatch(/example\.com/);
  });
});

describe('the lab world', () => {
  it('refuses a function whose execution role does not exist, and changes nothing', async () => {
    const fresh = createLabWorld({ seed: 20, startTimeMs: Date.UTC(2026, 10, 26), access: 'basic' });
    const result = fresh.world.createFunction({
      functionName: 'orphan',
      role: 'arn:aws:iam::123456789012:role/no-such-role',
      runtime: 'python3.13',
      handler: 'lambda_function.lambda_handler',
      code: { files: { 'lambda_function.py': 'def lambda_handler(e, c):\n    return 1\n' } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe('The role defined for the function cannot be assumed by Lambda.');
    expect(fresh.world.getFunction('orphan').ok).toBe(false);
  });

  it('answers a synchronous Lambda-to-Lambda invoke with a clear refusal instead of a deadlock', () => {
    const fresh = createLabWorld({ seed: 21, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' });
    for (const functionName of ['caller', 'callee']) {
      const created = fresh.world.createFunction({
        functionName,
        role: LAB_ROLE_ARN,
        runtime: 'python3.13',
        handler: 'lambda_function.lambda_handler',
        code: { files: { 'lambda_function.py': 'def lambda_handler(e, c):\n    return 1\n' } },
      });
      expect(created.ok).toBe(true);
    }
    const answer = JSON.parse(
      fresh.awsCall(
        JSON.stringify({
          v: 1,
          service: 'lambda',
          operation: 'Invoke',
          params: { FunctionName: 'callee', Payload: '{}' },
          caller: { functionName: 'caller', functionVersion: '$LATEST', requestId: 'r-1' },
          nowMs: null,
        }),
      ) as string,
    );
    expect(answer.kind).toBe('error');
    expect(answer.error.message).toContain('InvocationType="Event"');
  });
});

describe('logs from module code', () => {
  it('keeps every line printed during Init at 128 MB', async () => {
    lab = createLabWorld({ seed: 30, startTimeMs: Date.UTC(2026, 10, 26), access: 'basic' });
    const runner = createLabRunner(lab.world, runtime);
    const code =
      'for i in range(3):\n    print("init line", i)\n\ndef lambda_handler(event, context):\n    return 1\n';
    await runner.command((w) =>
      w.createFunction({
        functionName: 'printer',
        role: LAB_ROLE_ARN,
        runtime: 'python3.13',
        handler: 'lambda_function.lambda_handler',
        code: { files: { 'lambda_function.py': code } },
      }),
    );
    const { response } = await runner.invoke({ functionName: 'printer', payloadJson: '{}' });
    const messages = lab.world.logs
      .events('/aws/lambda/printer', response?.logStreamName)
      .map((e) => e.message);
    expect(messages.filter((m) => m.startsWith('init line'))).toEqual([
      'init line 0',
      'init line 1',
      'init line 2',
    ]);
    expect(messages.indexOf('init line 2')).toBeLessThan(messages.findIndex((m) => m.startsWith('START')));
  });
});

describe('outbound network from a function in a VPC', () => {
  it('hangs until the function times out, as with no NAT gateway or endpoint', async () => {
    lab = createLabWorld({ seed: 31, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' });
    const runner = createLabRunner(lab.world, runtime);
    const code =
      'import urllib.request\n\ndef lambda_handler(event, context):\n    urllib.request.urlopen("https://example.com")\n    return "unreachable"\n';
    const created = await runner.command((w) =>
      w.createFunction({
        functionName: 'in-vpc',
        role: LAB_ROLE_ARN,
        runtime: 'python3.13',
        handler: 'lambda_function.lambda_handler',
        timeout: 5,
        vpcConfig: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] },
        code: { files: { 'lambda_function.py': code } },
      }),
    );
    expect(created.ok).toBe(true);
    const { response } = await runner.invoke({ functionName: 'in-vpc', payloadJson: '{}' });
    expect(response?.payloadJson).toContain('Task timed out after 5.00 seconds');
  });
});
