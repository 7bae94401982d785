/**
 * Every scripted demo, end to end with real Python (Pyodide in Node worker threads): each shows what
 * it promises the room, as lambda-facts.md says it happens. One runtime for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabRouter } from '../../host/router';
import { type DemoContent, loadDemos } from '../../instructor/demoFiles';
import type { StepReport } from '../../instructor/demoSession';
import { readContentFiles } from '../../lessons/loadLessons';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import { eventsNamed } from '../../sim';
import { toKeyMoments } from '../../viz';
import { createDemoRunner, type DemoRunner } from './demoRunner';

const files = readContentFiles();
const { demos, errors } = loadDemos(files);
const router = createLabRouter(500_000);
let runtime: NodeRuntime;

beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: router.awsCall });
}, 120_000);
afterAll(async () => {
  await runtime.close();
});

function demo(id: string): DemoContent {
  const found = demos.find((d) => d.script.id === id);
  if (!found) throw new Error(`no demo ${id}`);
  return found;
}

/** Runs every step in order, as the Run button does. */
async function runAll(id: string): Promise<{ runner: DemoRunner; reports: StepReport[] }> {
  const d = demo(id);
  const runner = createDemoRunner(d, { runtime, router, files });
  const reports: StepReport[] = [];
  for (let i = 0; i < d.script.steps.length; i++) reports.push(await runner.exec(i));
  return { runner, reports };
}

const stepOf = (id: string, title: string) => demo(id).script.steps.findIndex((s) => s.title === title);
const report = (reports: StepReport[], id: string, title: string): StepReport => {
  const r = reports[stepOf(id, title)];
  if (!r) throw new Error(`no report for ${id} / ${title}`);
  return r;
};

describe('demo content', () => {
  it('loads without errors and has the seven demos the course promises', () => {
    expect(errors).toEqual([]);
    expect(demos.map((d) => d.script.id).sort()).toEqual([
      'access-denied',
      'api-timeout',
      'burst-scaling',
      'cold-vs-warm',
      'hello-world',
      'provisioned-concurrency',
      'sqs-batch-size',
    ]);
  });
});

describe('demos with real Python', () => {
  it('hello world: a cold invoke logs INIT_START, the prints, END and REPORT with Init Duration; the next is warm', async () => {
    const { reports } = await runAll('hello-world');
    const first = report(reports, 'hello-world', 'First invoke');
    expect(first.responses[0]).toBe('{"statusCode": 200, "body": "\\"Hello, Ada\\""}');
    const logs = first.logs.join('\n');
    expect(logs).toMatch(/^INIT_START Runtime Version: python:3\.12/m);
    expect(logs).toContain('Init: module loaded');
    expect(logs).toMatch(/^START RequestId: \S+ Version: \$LATEST/m);
    expect(logs).toContain('Hello, Ada! (request ');
    expect(logs).toMatch(/^REPORT RequestId: .*\tInit Duration: \d+\.\d\d ms\t$/m);
    const second = report(reports, 'hello-world', 'Second invoke');
    expect(second.logs.join('\n')).not.toContain('INIT_START');
    expect(second.logs.join('\n')).not.toContain('Init Duration');
    expect(second.stats).toMatchObject({ invokes: 1, cold: 0 });
    // A demo counts its handlers' work: the room sees a modeled Duration, the same on any laptop.
    expect(second.lines[0]).toMatch(
      /^1 invocation, warm: no Init, Duration \d+\.\d\d ms \(modeled, counted work\)$/,
    );
  }, 60_000);

  it('cold against warm: cold, warm, then cold again after the idle environment was shut down', async () => {
    const { runner, reports } = await runAll('cold-vs-warm');
    const cold = (title: string) => report(reports, 'cold-vs-warm', title).stats.cold;
    expect([cold('Cold invoke'), cold('Warm invoke'), cold('Cold again')]).toEqual([1, 0, 1]);
    expect(report(reports, 'cold-vs-warm', 'Thirty idle minutes').stats.envsGone).toBe(1);
    // The key moments strip under the demo: all four in one picture.
    expect(toKeyMoments(runner.trace()).map((m) => [m.kind, m.detail.includes('shut down')])).toEqual([
      ['cold', false],
      ['warm', false],
      ['idle', true],
      ['cold', false],
    ]);
  }, 60_000);

  it('burst: 50 simultaneous requests run in 50 environments, and the next burst is all warm', async () => {
    const { runner, reports } = await runAll('burst-scaling');
    const burst = report(reports, 'burst-scaling', 'Burst of 50');
    expect(burst.stats).toMatchObject({ invokes: 50, cold: 49, throttles: 0, envsCreated: 49 });
    expect(burst.envsAlive).toBe(50);
    const starts = eventsNamed(runner.trace(), 'lambda.invoke.start');
    const busyAtOnce = new Set(starts.slice(1, 51).map((s) => s.envId));
    expect(busyAtOnce.size).toBe(50);
    expect(report(reports, 'burst-scaling', 'The next burst is warm').stats).toMatchObject({
      invokes: 50,
      cold: 0,
      envsCreated: 0,
    });
  }, 60_000);

  it('SQS: the backlog drains in 100 invocations at batch size 1 and in far fewer at batch size 10', async () => {
    const { runner, reports } = await runAll('sqs-batch-size');
    const one = report(reports, 'sqs-batch-size', 'Drain at batch size 1').stats;
    const ten = report(reports, 'sqs-batch-size', 'Drain at batch size 10').stats;
    expect(one).toMatchObject({ invokes: 100, batches: 100, maxBatch: 1, sqsDeleted: 100, errors: 0 });
    expect(ten).toMatchObject({ maxBatch: 10, sqsDeleted: 100, errors: 0 });
    expect(ten.batches).toBe(ten.invokes);
    expect(ten.invokes).toBeLessThanOrEqual(20);
    const trace = runner.trace();
    expect(eventsNamed(trace, 'sqs.message.sent')).toHaveLength(200);
    expect(eventsNamed(trace, 'sqs.message.deleted')).toHaveLength(200);
    // The batch size changed through UpdateEventSourceMapping: one mapping throughout.
    expect(eventsNamed(trace, 'esm.created')).toHaveLength(1);
  }, 60_000);

  it('API Gateway: 504 "Endpoint request timed out" at 29 s while the function runs on; the fix answers 200', async () => {
    const { runner, reports } = await runAll('api-timeout');
    const slow = report(reports, 'api-timeout', 'Call the API');
    expect(slow.responses).toEqual(['504 {"message": "Endpoint request timed out"}']);
    const trace = runner.trace();
    const [asked] = eventsNamed(trace, 'apigw.request');
    const [answered] = eventsNamed(trace, 'apigw.response');
    expect(answered!.t - asked!.t).toBe(29_000);
    const runsOn = report(reports, 'api-timeout', 'The function runs on');
    expect(runsOn.stats).toMatchObject({ invokes: 1, errors: 0 });
    const [ended] = eventsNamed(trace, 'lambda.invoke.end');
    expect(ended!.t).toBeGreaterThan(answered!.t);
    expect(ended!.durationMs).toBeGreaterThanOrEqual(35_000);
    const fixed = report(reports, 'api-timeout', 'Call it again');
    expect(fixed.stats.httpStatuses).toEqual([200]);
    expect(fixed.responses[0]).toMatch(/^200 /);
    // The key moments strip: the 504 (after 29 s) beside the later 200.
    expect(toKeyMoments(trace).map((m) => m.title)).toEqual([
      'Cold start',
      'HTTP 504',
      'Cold start',
      'HTTP 200',
    ]);
    expect(toKeyMoments(trace)[1]!.detail).toBe('after 29.0 s');
  }, 60_000);

  it('IAM: AccessDeniedException worded as AWS words it, then success once the policy allows GetItem', async () => {
    const { reports } = await runAll('access-denied');
    const denied = report(reports, 'access-denied', 'Invoke');
    const error = JSON.parse(denied.responses[0] ?? '{}') as { errorType?: string; errorMessage?: string };
    expect(error.errorType).toBe('ClientError');
    expect(error.errorMessage).toBe(
      'An error occurred (AccessDeniedException) when calling the GetItem operation: User: ' +
        'arn:aws:sts::123456789012:assumed-role/order-reader-role/order-reader is not authorized to perform: ' +
        'dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders because no ' +
        'identity-based policy allows the dynamodb:GetItem action',
    );
    expect(denied.logs.join('\n')).toContain(
      '[ERROR] ClientError: An error occurred (AccessDeniedException)',
    );
    const fixed = report(reports, 'access-denied', 'Invoke again');
    expect(fixed.stats).toMatchObject({ invokes: 1, errors: 0, cold: 0 });
    expect(JSON.parse(fixed.responses[0] ?? '{}')).toMatchObject({ statusCode: 200 });
    expect(JSON.parse(JSON.parse(fixed.responses[0] ?? '{}').body)).toMatchObject({ item: 'chair' });
  }, 60_000);

  it('provisioned concurrency: five cold starts on demand, none through the provisioned alias', async () => {
    const { runner, reports } = await runAll('provisioned-concurrency');
    expect(report(reports, 'provisioned-concurrency', 'Five at once, on demand').stats).toMatchObject({
      invokes: 5,
      cold: 5,
    });
    const provisioned = report(reports, 'provisioned-concurrency', 'Provisioned concurrency 5');
    expect(provisioned.stats.envsCreated).toBe(5);
    expect(report(reports, 'provisioned-concurrency', 'Five at once, provisioned').stats).toMatchObject({
      invokes: 5,
      cold: 0,
      envsCreated: 0,
    });
    const pcEnvs = eventsNamed(runner.trace(), 'lambda.env.created').filter(
      (e) => e.initType === 'provisioned-concurrency',
    );
    expect(pcEnvs).toHaveLength(5);
  }, 60_000);

  it('replay: a reset throws the world away and the first step is cold again', async () => {
    const d = demo('cold-vs-warm');
    const runner = createDemoRunner(d, { runtime, router, files });
    await runner.exec(0);
    await runner.exec(1);
    await runner.reset();
    expect(runner.world()).toBeNull();
    const again = await runner.exec(0);
    expect(again.stats.cold).toBe(1);
    await runner.dispose();
  }, 60_000);
});
