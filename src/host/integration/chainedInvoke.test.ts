/** Lambda-to-Lambda synchronous invoke with real Python: the caller waits (and pays) while the callee runs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import { createLabRunner, type LabRunner } from '../labRunner';
import { createLabWorld, LAB_ROLE_ARN, type LabWorld } from '../labWorld';

let runtime: NodeRuntime;
let lab: LabWorld;

beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
});
afterAll(async () => {
  await runtime.close();
});

const CALLER = [
  'import json, boto3',
  'from botocore.exceptions import ClientError',
  'lam = boto3.client("lambda")',
  '',
  'def lambda_handler(event, context):',
  '    print("calling the callee")',
  '    try:',
  '        r = lam.invoke(FunctionName="callee", InvocationType="RequestResponse", Payload=json.dumps(event))',
  '    except ClientError as e:',
  '        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}',
  '    body = json.loads(r["Payload"].read())',
  '    print("callee answered")',
  '    return {"status": r["StatusCode"], "error": r.get("FunctionError"), "version": r["ExecutedVersion"], "body": body}',
  '',
].join('\n');

async function setUp(seed: number, callee: string, callerTimeout = 10): Promise<LabRunner> {
  lab = createLabWorld({ seed, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' });
  const runner = createLabRunner(lab.world, runtime);
  for (const [functionName, code, timeout] of [
    ['caller', CALLER, callerTimeout],
    ['callee', callee, 10],
  ] as const) {
    const created = await runner.command((w) =>
      w.createFunction({
        functionName,
        role: LAB_ROLE_ARN,
        runtime: 'python3.13',
        handler: 'lambda_function.lambda_handler',
        timeout,
        memorySize: 1769,
        code: { files: { 'lambda_function.py': code } },
      }),
    );
    expect(created.ok).toBe(true);
  }
  return runner;
}

const reportOf = (functionName: string): string[] =>
  lab.world.logs
    .events(`/aws/lambda/${functionName}`)
    .map((e) => e.message)
    .filter((m) => m.startsWith('REPORT'));

const durationIn = (report: string): number => Number(/\tDuration: ([\d.]+) ms/.exec(report)?.[1]);

describe('a handler invoking another function synchronously', () => {
  it('waits for the callee: its Duration and bill include the wait, and the callee has its own REPORT', async () => {
    const runner = await setUp(
      41,
      'import time\n\ndef lambda_handler(event, context):\n    time.sleep(2)\n    return {"doubled": event["n"] * 2}\n',
    );
    const { response } = await runner.invoke({ functionName: 'caller', payloadJson: '{"n": 21}' });
    expect(response?.functionError).toBeNull();
    expect(JSON.parse(response?.payloadJson ?? '')).toEqual({
      status: 200,
      error: null,
      version: '$LATEST',
      body: { doubled: 42 },
    });
    const [calleeReport] = reportOf('callee');
    expect(calleeReport).toBeDefined();
    // The callee's cold start and its 2 s sleep all pass while the caller waits.
    expect(durationIn(calleeReport ?? '')).toBeGreaterThanOrEqual(2000);
    expect(response?.durationMs).toBeGreaterThan(durationIn(calleeReport ?? ''));
    expect(response?.billedDurationMs).toBeGreaterThanOrEqual(2000);
    const callerLines = lab.world.logs.events('/aws/lambda/caller').map((e) => e.message);
    expect(callerLines.filter((m) => m.includes('callee'))).toEqual([
      'calling the callee',
      'callee answered',
    ]);
  });

  it('gets FunctionError "Unhandled" and the error payload when the callee raises', async () => {
    const runner = await setUp(
      42,
      'def lambda_handler(event, context):\n    raise ValueError("no such order")\n',
    );
    const { response } = await runner.invoke({ functionName: 'caller', payloadJson: '{}' });
    const out = JSON.parse(response?.payloadJson ?? '');
    expect(out.status).toBe(200);
    expect(out.error).toBe('Unhandled');
    expect(out.body.errorType).toBe('ValueError');
    expect(out.body.errorMessage).toBe('no such order');
    expect(out.body.requestId).toEqual(expect.any(String));
    // The caller itself succeeded: the callee's failure is data it has to handle.
    expect(response?.functionError).toBeNull();
  });

  it('gets TooManyRequestsException when the callee is throttled', async () => {
    const runner = await setUp(43, 'def lambda_handler(event, context):\n    return 1\n');
    await runner.command((w) => w.putFunctionConcurrency('callee', 0));
    const { response } = await runner.invoke({ functionName: 'caller', payloadJson: '{}' });
    const out = JSON.parse(response?.payloadJson ?? '');
    expect(out.code).toBe('TooManyRequestsException');
    expect(out.message).toBe('Rate Exceeded.');
  });

  it('times out when the callee is slower than the caller’s own timeout, and the callee still finishes', async () => {
    const runner = await setUp(
      44,
      'import time\n\ndef lambda_handler(event, context):\n    time.sleep(5)\n    return "late"\n',
      2,
    );
    const { response } = await runner.invoke({ functionName: 'caller', payloadJson: '{}' });
    expect(response?.status).toBe('timeout');
    expect(response?.functionError).toBe('Unhandled');
    expect(JSON.parse(response?.payloadJson ?? '').errorMessage).toMatch(
      /Task timed out after 2\.00 seconds/,
    );
    expect(response?.durationMs).toBe(2000);
    await runner.runUntilIdle();
    expect(reportOf('callee')).toHaveLength(1);
  });
});
