/**
 * Modeled time end to end, with real Python: the REPORT figures a learner sees for a hello world and a
 * CPU-bound handler, whatever this machine's speed or load. Nothing here reads the wall clock.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../runtime/engine/engine';
import { loadEngine } from '../../runtime/engine/testSupport';
import type { InvokeResponse, RuntimePort } from '../../sim';
import { createLabRunner, type LabRunner } from '../labRunner';
import { createLabWorld, LAB_ROLE_ARN } from '../labWorld';

const HELLO = 'def lambda_handler(event, context):\n    return {"statusCode": 200, "body": "Hello"}\n';
// About 20 ms of work on one vCPU.
const CPU_BOUND = 'def lambda_handler(event, context):\n    return sum(i * i for i in range(200_000))\n';

function asPort(engine: Engine): RuntimePort {
  return {
    init: async (request) => engine.init(request),
    invoke: async (request) => engine.invoke(request),
    destroy: async (envId) => engine.destroy(envId),
  };
}

let engine: Engine;
let slowEngine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
  // The same interpreter on a machine three times slower: every measured time is tripled.
  slowEngine = await loadEngine(3);
}, 300_000);

let functions = 0;

async function deploy(runner: LabRunner, code: string, memorySize: number): Promise<string> {
  functions += 1;
  const functionName = `f${functions}`;
  const created = await runner.command((w) =>
    w.createFunction({
      functionName,
      role: LAB_ROLE_ARN,
      runtime: 'python3.13',
      handler: 'lambda_function.lambda_handler',
      memorySize,
      timeout: 30,
      code: { files: { 'lambda_function.py': code } },
    }),
  );
  if (!created.ok) throw new Error(created.error.message);
  return functionName;
}

async function invoke(runner: LabRunner, functionName: string): Promise<InvokeResponse> {
  const { response } = await runner.invoke({ functionName, payloadJson: '{}' });
  if (response?.status !== 'success') throw new Error(`failed: ${JSON.stringify(response)}`);
  return response;
}

let seed = 0;
function newRunner(on: Engine = engine): LabRunner {
  // A seed of its own: environment ids come from it, and the engines outlive each world.
  seed += 1;
  const lab = createLabWorld({ seed, startTimeMs: Date.UTC(2026, 0, 15), access: 'admin' });
  return createLabRunner(lab.world, asPort(on));
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

/** Median warm Duration over a few invokes (one preemption of the thread cannot decide it). */
async function warmDuration(runner: LabRunner, functionName: string, runs = 5): Promise<number> {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) durations.push((await invoke(runner, functionName)).durationMs);
  return median(durations);
}

describe('modeled time', () => {
  it('hello world at 128 MB: a cold start of 50-400 ms and a warm Duration under 5 ms', async () => {
    const runner = newRunner();
    const name = await deploy(runner, HELLO, 128);
    const cold = await invoke(runner, name);
    expect(cold.initDurationMs).toBeGreaterThanOrEqual(50);
    expect(cold.initDurationMs).toBeLessThanOrEqual(400);
    const warm = await warmDuration(runner, name);
    // Lambda reports 1.2-3.9 ms (facts section 9): the runtime's modeled 1.2 ms is the floor.
    expect(warm).toBeGreaterThanOrEqual(1.2);
    expect(warm).toBeLessThan(5);
  });

  it('CPU-bound work follows the memory: 128 MB is 10-18x slower than 1,769 MB, 3,008 MB no faster', async () => {
    const runner = newRunner();
    const durations: Record<number, number> = {};
    for (const memory of [128, 1769, 3008]) {
      const name = await deploy(runner, CPU_BOUND, memory);
      await invoke(runner, name);
      durations[memory] = await warmDuration(runner, name, 3);
    }
    const oneVcpu = durations[1769] ?? NaN;
    expect((durations[128] ?? NaN) / oneVcpu).toBeGreaterThanOrEqual(10);
    expect((durations[128] ?? NaN) / oneVcpu).toBeLessThanOrEqual(18);
    expect((durations[3008] ?? NaN) / oneVcpu).toBeGreaterThanOrEqual(0.8);
    expect((durations[3008] ?? NaN) / oneVcpu).toBeLessThanOrEqual(1.25);
  });

  it('a machine three times slower reports the same modeled Duration (the runtime calibrates itself)', async () => {
    const quick = newRunner();
    const slow = newRunner(slowEngine);
    const quickName = await deploy(quick, CPU_BOUND, 1769);
    const slowName = await deploy(slow, CPU_BOUND, 1769);
    await invoke(quick, quickName);
    await invoke(slow, slowName);
    const ratio = (await warmDuration(slow, slowName, 3)) / (await warmDuration(quick, quickName, 3));
    expect(ratio).toBeGreaterThanOrEqual(0.77);
    expect(ratio).toBeLessThanOrEqual(1.3);
  });

  it('Init runs at full CPU: module work costs the same Init Duration at 128 MB as at 1,769 MB', async () => {
    const module = `TOTAL = sum(i * i for i in range(200_000))\n${HELLO}`;
    const runner = newRunner();
    const small = (await invoke(runner, await deploy(runner, module, 128))).initDurationMs ?? NaN;
    const large = (await invoke(runner, await deploy(runner, module, 1769))).initDurationMs ?? NaN;
    expect(small / large).toBeGreaterThanOrEqual(0.8);
    expect(small / large).toBeLessThanOrEqual(1.25);
  });

  it('fast failures: a RecursionError, a long traceback and a 5 MB log line come back in milliseconds at 128 MB', async () => {
    const runner = newRunner();
    const recursion = await deploy(
      runner,
      'def f(n):\n    return f(n + 1)\ndef lambda_handler(e, c):\n    return f(0)\n',
      128,
    );
    const chain = await deploy(
      runner,
      'def lambda_handler(e, c):\n    try:\n        raise KeyError("x" * 100_000)\n    except KeyError as error:\n        raise ValueError("y" * 100_000) from error\n',
      128,
    );
    const log = await deploy(
      runner,
      'def lambda_handler(e, c):\n    print("z" * 5_000_000)\n    return 1\n',
      128,
    );
    for (const name of [recursion, chain]) {
      const { response } = await runner.invoke({ functionName: name, payloadJson: '{}' });
      expect(response?.status).toBe('error');
      expect(response?.durationMs).toBeLessThan(100);
    }
    const { response } = await runner.invoke({ functionName: recursion, payloadJson: '{}' });
    expect(JSON.parse(response?.payloadJson ?? '{}')).toMatchObject({ errorType: 'RecursionError' });
    expect((await invoke(runner, log)).durationMs).toBeLessThan(100);
  });
});
