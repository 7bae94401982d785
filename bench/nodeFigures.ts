// Figures measured in Node, each beside a baseline from the same run: the runtime boundary, environment
// creation, an SQS backlog drained by real Python through the mapping, a 1,000-environment burst, and the
// CLI. Run by bench/run.mjs as `node --import tsx bench/nodeFigures.ts`; prints one JSON line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import { createCliLab, runInvoke } from '../src/cli/invokeCommand';
import { createLabRunner } from '../src/host/labRunner';
import { createLabWorld, LAB_ROLE_ARN, type LabWorld } from '../src/host/labWorld';
import { createNodeRuntime } from '../src/runtime/node/nodeRuntime';
import type { EnvSpec } from '../src/sim';
import type { RuntimePort } from '../src/sim/runtimePort';
import type { JsonObject } from '../src/sim/services/json';

type Row = [name: string, unit: string, values: number[], baseline: number[] | null, note: string];
const rows: Row[] = [];
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function rawWorkerCalls(count: number): Promise<number[]> {
  const worker = new Worker(new URL('./bare/bareNode.worker.mjs', import.meta.url));
  const replies = new Map<number, () => void>();
  await new Promise<void>((resolve) =>
    worker.on('message', (m: { id: number | 'ready' }) => {
      if (m.id === 'ready') resolve();
      else replies.get(m.id)?.();
    }),
  );
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await new Promise<void>((resolve) => {
      replies.set(i, resolve);
      worker.postMessage({ id: i });
    });
    times.push(performance.now() - t);
  }
  await worker.terminate();
  return times;
}

function spec(envId: string, code: string): EnvSpec {
  return {
    envId,
    functionName: 'bench',
    functionVersion: '$LATEST',
    runtime: 'python3.13',
    handler: 'lambda_function.lambda_handler',
    memoryMb: 1769,
    timeoutMs: 3000,
    ephemeralStorageMb: 512,
    environment: { AWS_LAMBDA_FUNCTION_NAME: 'bench' },
    code: { 'lambda_function.py': code },
    layers: [],
    logGroupName: '/aws/lambda/bench',
    logStreamName: `2026/11/26/[$LATEST]${envId}`,
    cpuScale: 1,
  };
}

const ECHO = 'def lambda_handler(event, context):\n    return event\n';
const START = Date.UTC(2026, 10, 26, 12);

async function runtimeBoundary() {
  const runtime = createNodeRuntime();
  const env = spec('bench-env-warm', ECHO);
  await runtime.init({ env, nowMs: START, limitMs: 10_000 });
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t = performance.now();
    await runtime.invoke({
      envId: env.envId,
      requestId: `r-${i}`,
      eventJson: '{}',
      nowMs: START,
      deadlineMs: START + 3000,
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
    });
    times.push(performance.now() - t);
  }
  const creations: number[] = [];
  for (let i = 0; i < 50; i++) {
    const fresh = spec(`bench-env-${i}`, ECHO);
    const t = performance.now();
    await runtime.init({ env: fresh, nowMs: START, limitMs: 10_000 });
    creations.push(performance.now() - t);
    await runtime.destroy(fresh.envId);
  }
  rows.push([
    'worker start (snapshot restore)',
    'ms',
    [...runtime.bootTimes],
    null,
    'Node worker thread, restoring the build snapshot',
  ]);
  await runtime.close();
  const raw = await rawWorkerCalls(220);
  rows.push([
    'warm invoke at the runtime boundary',
    'ms',
    times.slice(20),
    raw.slice(20),
    'against a raw postMessage + Python call in a bare worker thread',
  ]);
  const plainLoads: number[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const t = performance.now();
    await loadPyodide();
    plainLoads.push(performance.now() - t);
  }
  rows.push([
    'new execution environment (trivial handler)',
    'ms',
    creations,
    plainLoads,
    'init of a fresh namespace, against a fresh plain Pyodide load',
  ]);
  const plainRuntime = createNodeRuntime({ snapshotPath: null });
  plainRuntime.warm();
  await plainRuntime.init({ env: spec('plain-boot', ECHO), nowMs: START, limitMs: 10_000 });
  rows.push([
    'worker start (plain boot)',
    'ms',
    [...plainRuntime.bootTimes],
    null,
    'the same worker booting Pyodide without the snapshot',
  ]);
  await plainRuntime.close();
}

function setupLab(seed: number): LabWorld {
  return createLabWorld({ seed, startTimeMs: START, access: 'admin' });
}

async function sqsDrain(count: number) {
  let lab = setupLab(101);
  const runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
  const call = (service: string, operation: string, params: JsonObject) => {
    const r = lab.consoleCall(service, operation, params);
    if (r.kind !== 'result') throw new Error(`${operation}: ${JSON.stringify(r)}`);
    return r.result;
  };
  lab = setupLab(101);
  const runner = createLabRunner(lab.world, runtime);
  const code = 'def lambda_handler(event, context):\n    return {"n": len(event["Records"])}\n';
  await runner.command((w) =>
    w.createFunction({
      functionName: 'drain',
      role: LAB_ROLE_ARN,
      runtime: 'python3.13',
      handler: 'lambda_function.lambda_handler',
      memorySize: 1769,
      timeout: 30,
      code: { files: { 'lambda_function.py': code } },
    }),
  );
  const queueUrl = String(
    call('sqs', 'CreateQueue', { QueueName: 'backlog', Attributes: { VisibilityTimeout: '180' } }).QueueUrl,
  );
  for (let i = 0; i < count; i += 10) {
    call('sqs', 'SendMessageBatch', {
      QueueUrl: queueUrl,
      Entries: Array.from({ length: 10 }, (_, j) => ({ Id: String(j), MessageBody: `message ${i + j}` })),
    });
  }
  const t = performance.now();
  await runner.command(() => {
    call('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'drain',
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:backlog',
      BatchSize: 10,
    });
    return { ok: true, value: null, effects: [] };
  });
  await runner.advanceBy(60_000);
  await runner.runUntilIdle();
  const ms = performance.now() - t;
  const left = call('sqs', 'GetQueueAttributes', { QueueUrl: queueUrl, AttributeNames: ['All'] })
    .Attributes as Record<string, string>;
  const remaining =
    Number(left.ApproximateNumberOfMessages ?? 0) + Number(left.ApproximateNumberOfMessagesNotVisible ?? 0);
  rows.push([
    `${count.toLocaleString('en-US')} SQS messages drained by a Python handler`,
    'ms',
    [ms],
    null,
    `batch size 10, real Python; messages left: ${remaining}`,
  ]);
  await runtime.close();
}

async function burst(count: number) {
  const lab = setupLab(202);
  const runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
  const runner = createLabRunner(lab.world, runtime);
  await runner.command((w) =>
    w.createFunction({
      functionName: 'burst',
      role: LAB_ROLE_ARN,
      runtime: 'python3.13',
      handler: 'lambda_function.lambda_handler',
      memorySize: 1769,
      code: { files: { 'lambda_function.py': ECHO } },
    }),
  );
  const rss0 = process.memoryUsage().rss;
  const t = performance.now();
  const outcomes = await runner.invokeAll(
    Array.from({ length: count }, () => ({ functionName: 'burst', payloadJson: '{}' })),
  );
  const ms = performance.now() - t;
  const envs = lab.world.envs().length;
  const ok = outcomes.filter((o) => o.response && !o.response.functionError).length;
  rows.push([
    `burst of ${count.toLocaleString('en-US')} concurrent environments`,
    'ms',
    [ms],
    null,
    `${envs} environments created, ${ok} responses; main process RSS +${((process.memoryUsage().rss - rss0) / 2 ** 20).toFixed(0)} MiB (the worker's heap is separate)`,
  ]);
  await runtime.close();
}

/** Warm invokes through the CLI's own invoke path, in one process: the interval between successive
 * invokes reaching the runtime (runner, sim and worker round trip), never a difference of two processes,
 * which a loaded machine can make negative. */
async function cliWarmInvokes(file: string): Promise<number[]> {
  const lab = createCliLab(START, 303);
  const runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
  const starts: number[] = [];
  const timed: RuntimePort = {
    init: (request) => runtime.init(request),
    destroy: (envId) => runtime.destroy(envId),
    invoke: (request) => {
      starts.push(performance.now());
      return runtime.invoke(request);
    },
  };
  const options = {
    file,
    eventJson: '{}',
    memory: 128,
    timeout: 3,
    env: {},
    concurrency: 1,
    logFormat: 'text' as const,
  };
  const out = await runInvoke({ ...options, times: 221 }, timed, lab);
  await runtime.close();
  if (out.exitCode !== 0) throw new Error(out.stderr.join('\n'));
  // The first 20 warm the worker's JIT; each interval is one warm invoke end to end.
  return starts.slice(21).map((t, i) => t - (starts[i + 20] ?? t));
}

async function cli() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const file = join(dir, 'hello.py');
  writeFileSync(file, 'def lambda_handler(event, context):\n    return {"ok": True}\n');
  const cold: number[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['bin/lambda-lab.mjs', 'invoke', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    cold.push(performance.now() - t);
  }
  rows.push([
    'CLI cold invoke (whole process)',
    'ms',
    cold,
    null,
    '`lambda-lab invoke hello.py`: Node start, Pyodide restore, one cold invoke',
  ]);
  rows.push([
    'CLI warm invoke',
    'ms',
    await cliWarmInvokes(file),
    null,
    "the CLI's invoke path (runInvoke, --times 221) in one process: interval between successive warm invokes",
  ]);
}

await runtimeBoundary();
await sqsDrain(10_000);
await burst(1000);
await cli();
console.log(
  JSON.stringify(
    rows.map(([name, unit, values, baseline, note]) => ({
      name,
      unit,
      values,
      baseline,
      note,
      median: median(values),
    })),
  ),
);
