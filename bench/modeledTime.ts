// Modeled time (issue #14), each figure beside a baseline from the same run: a hello world's Duration at
// 128 MB (baseline: the old model, the whole invoke phase's real time x 13.8), the 128/1,769 MB Duration
// ratio of a CPU-bound handler (baseline: the same ratio of real round trips, which the machine does not
// change), and that handler's busy/quiet ratio of modeled Duration with two processes spinning on the
// cores (baseline: the busy/quiet ratio of its real round trips), and the same ratio for counted work (the
// model of checks and demos: exactly 1), and the busy/quiet ratio where the scheduler cannot be read (a
// runtime measuring as a browser worker does: load estimated by probes). Run by bench/run.mjs as
// `node --import tsx bench/modeledTime.ts`; prints one JSON line.
import { type ChildProcess, spawn } from 'node:child_process';
import { createLabRunner, type LabRunner } from '../src/host/labRunner';
import { createLabWorld, LAB_ROLE_ARN } from '../src/host/labWorld';
import { createNodeRuntime } from '../src/runtime/node/nodeRuntime';
import { cpuScaleFor } from '../src/sim';

type Row = { name: string; unit: string; values: number[]; baseline: number[] | null; note: string };
const runs = Number(process.env.BENCH_RUNS ?? 5);
const BUSY = Number(process.env.BENCH_BUSY ?? 2);
const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const HELLO = 'def lambda_handler(event, context):\n    return {"statusCode": 200, "body": "Hello"}\n';
// About 20 ms of work on one vCPU.
const CPU_BOUND = 'def lambda_handler(event, context):\n    return sum(i * i for i in range(200_000))\n';
// About 130 ms: a phase the scheduler preempts many times over.
const LONG_CPU_BOUND = CPU_BOUND.replace('200_000', '1_300_000');

const runtime = createNodeRuntime();
const lab = createLabWorld({ seed: 14, startTimeMs: Date.UTC(2026, 0, 15), access: 'admin' });
const runner: LabRunner = createLabRunner(lab.world, runtime);
const countedLab = createLabWorld({ seed: 15, startTimeMs: Date.UTC(2026, 0, 15), access: 'admin' });
const counted: LabRunner = createLabRunner(countedLab.world, runtime, { workModel: 'counted' });
// As a browser worker measures: no schedstat, so the clock takes out an estimated preemption.
const browserRuntime = createNodeRuntime({ schedstat: false });
const browserLab = createLabWorld({ seed: 16, startTimeMs: Date.UTC(2026, 0, 15), access: 'admin' });
const browserLike: LabRunner = createLabRunner(browserLab.world, browserRuntime);
let deployed = 0;

async function deploy(code: string, memorySize: number, on: LabRunner = runner): Promise<string> {
  deployed += 1;
  const functionName = `bench-${deployed}`;
  const created = await on.command((w) =>
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

/** Median modeled Duration and median real round trip of `count` warm invokes. */
async function warm(
  functionName: string,
  count: number,
  on: LabRunner = runner,
): Promise<{ modeled: number; real: number }> {
  const modeled: number[] = [];
  const real: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const { response } = await on.invoke({ functionName, payloadJson: '{}' });
    real.push(performance.now() - started);
    if (response?.status !== 'success') throw new Error(`${functionName}: ${JSON.stringify(response)}`);
    modeled.push(response.durationMs);
  }
  return { modeled: median(modeled), real: median(real) };
}

function spinners(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
}

const rows: Row[] = [];
try {
  const hello = await deploy(HELLO, 128);
  const small = await deploy(CPU_BOUND, 128);
  const oneVcpu = await deploy(CPU_BOUND, 1769);
  for (const name of [hello, small, oneVcpu]) await runner.invoke({ functionName: name, payloadJson: '{}' });
  const countedVcpu = await deploy(CPU_BOUND, 1769, counted);
  await counted.invoke({ functionName: countedVcpu, payloadJson: '{}' });
  const browserVcpu = await deploy(CPU_BOUND, 1769, browserLike);
  await browserLike.invoke({ functionName: browserVcpu, payloadJson: '{}' });
  const browserLong = await deploy(LONG_CPU_BOUND, 1769, browserLike);
  await browserLike.invoke({ functionName: browserLong, payloadJson: '{}' });

  const helloModeled: number[] = [];
  const helloOld: number[] = [];
  const ratio: number[] = [];
  const ratioReal: number[] = [];
  const busyQuiet: number[] = [];
  const busyQuietReal: number[] = [];
  const countedBusyQuiet: number[] = [];
  const countedBusyQuietReal: number[] = [];
  const browserBusyQuiet: number[] = [];
  const browserBusyQuietReal: number[] = [];
  const longBusyQuiet: number[] = [];
  const longBusyQuietReal: number[] = [];
  for (let run = 0; run < runs; run++) {
    const h = await warm(hello, 20);
    helloModeled.push(h.modeled);
    helloOld.push(h.real * cpuScaleFor(128));
    const at128 = await warm(small, 3);
    const quiet = await warm(oneVcpu, 5);
    const countedQuiet = await warm(countedVcpu, 3, counted);
    const browserQuiet = await warm(browserVcpu, 5, browserLike);
    const longQuiet = await warm(browserLong, 5, browserLike);
    ratio.push(at128.modeled / quiet.modeled);
    ratioReal.push(at128.real / quiet.real);
    const busy = spinners(BUSY);
    try {
      // Let the scheduler spread the spinners before measuring.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const loaded = await warm(oneVcpu, 5);
      busyQuiet.push(loaded.modeled / quiet.modeled);
      busyQuietReal.push(loaded.real / quiet.real);
      const countedLoaded = await warm(countedVcpu, 3, counted);
      countedBusyQuiet.push(countedLoaded.modeled / countedQuiet.modeled);
      countedBusyQuietReal.push(countedLoaded.real / countedQuiet.real);
      const browserLoaded = await warm(browserVcpu, 5, browserLike);
      browserBusyQuiet.push(browserLoaded.modeled / browserQuiet.modeled);
      browserBusyQuietReal.push(browserLoaded.real / browserQuiet.real);
      const longLoaded = await warm(browserLong, 5, browserLike);
      longBusyQuiet.push(longLoaded.modeled / longQuiet.modeled);
      longBusyQuietReal.push(longLoaded.real / longQuiet.real);
    } finally {
      for (const child of busy) child.kill('SIGKILL');
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  rows.push(
    {
      name: 'hello-world Duration at 128 MB (modeled)',
      unit: 'ms',
      values: helloModeled,
      baseline: helloOld,
      note: 'median of 20 warm invokes; baseline: the old model, the whole phase in real time x 13.8',
    },
    {
      name: 'CPU-bound handler, Duration at 128 MB / at 1,769 MB',
      unit: 'x',
      values: ratio,
      baseline: ratioReal,
      note: 'model: 1,769 / 128 = 13.8; baseline: the same ratio of real round trips',
    },
    {
      name: `CPU-bound handler, modeled Duration busy / quiet (${BUSY} spinning)`,
      unit: 'x',
      values: busyQuiet,
      baseline: busyQuietReal,
      note: 'at 1,769 MB; baseline: the busy/quiet ratio of the real round trips',
    },
    {
      name: `CPU-bound handler, counted Duration busy / quiet (${BUSY} spinning)`,
      unit: 'x',
      values: countedBusyQuiet,
      baseline: countedBusyQuietReal,
      note: 'the work model of checks, demos and scenarios; baseline: the real round trips',
    },
    {
      name: `CPU-bound handler, browser-path Duration busy / quiet (${BUSY} spinning)`,
      unit: 'x',
      values: browserBusyQuiet,
      baseline: browserBusyQuietReal,
      note: 'no schedstat, as in a browser worker: load-corrected (estimated); baseline: the real round trips',
    },
    {
      name: `~130 ms handler, browser-path Duration busy / quiet (${BUSY} spinning)`,
      unit: 'x',
      values: longBusyQuiet,
      baseline: longBusyQuietReal,
      note: 'the same path with a phase preempted many times over; baseline: the real round trips',
    },
  );
} finally {
  await runtime.close();
  await browserRuntime.close();
}
console.log(JSON.stringify(rows));
