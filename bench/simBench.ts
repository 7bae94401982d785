// `npm run bench:sim`: simulated invocations per second and trace events per second with the scripted
// runtime. Node 20 cannot strip types, so the script is bundled by rolldown first (see package.json).
import {
  advanceSettled,
  createFakeRuntime,
  createWorld,
  type FakeScript,
  settleEffects,
  utcMs,
} from '../src/sim/index';

interface Figures {
  readonly scenario: string;
  readonly invocations: number;
  readonly traceEvents: number;
  readonly ms: number;
}

const START = utcMs(2026, 3, 14);
const ROLE = 'arn:aws:iam::123456789012:role/bench';
const script: FakeScript = { init: { cpuMs: 30 }, invoke: { cpuMs: 0.5, sleepMs: 5 } };

function setup(accountConcurrency = 1000) {
  const world = createWorld({ seed: 1, startTimeMs: START, accountConcurrency, retainInvocations: 1000 });
  const runtime = createFakeRuntime(script);
  world.createFunction({
    functionName: 'bench',
    role: ROLE,
    runtime: 'python3.13',
    handler: 'lambda_function.lambda_handler',
    memorySize: 1769,
    code: { files: { 'lambda_function.py': 'def lambda_handler(e, c):\n    return e\n' } },
  });
  return { world, runtime };
}

/** One client calling in a loop: each invoke completes before the next (one warm environment). */
function sequential(n: number): Figures {
  const { world, runtime } = setup();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = world.invoke({ functionName: 'bench', payloadJson: '{"i":1}' });
    if (r.ok) settleEffects(world, runtime, r.effects);
    advanceSettled(world, runtime, world.now() + 10);
  }
  return {
    scenario: 'sequential sync',
    invocations: n,
    traceEvents: world.trace.events.length,
    ms: performance.now() - t0,
  };
}

/** Bursts of `width` overlapping invokes every 50 ms of virtual time: many environments at once. */
function concurrent(n: number, width: number): Figures {
  const { world, runtime } = setup(5000);
  const t0 = performance.now();
  for (let i = 0; i < n; i += width) {
    for (let j = 0; j < width; j++) {
      const r = world.invoke({ functionName: 'bench', payloadJson: '{"i":1}' });
      if (r.ok) settleEffects(world, runtime, r.effects);
    }
    advanceSettled(world, runtime, world.now() + 50);
  }
  return {
    scenario: `concurrent sync x${width}`,
    invocations: n,
    traceEvents: world.trace.events.length,
    ms: performance.now() - t0,
  };
}

/** Async events through the internal queue. */
function asyncEvents(n: number): Figures {
  const { world, runtime } = setup();
  const t0 = performance.now();
  for (let i = 0; i < n; i += 100) {
    for (let j = 0; j < 100; j++)
      world.invoke({ functionName: 'bench', invocationType: 'Event', payloadJson: '{}' });
    advanceSettled(world, runtime, world.now() + 50);
  }
  return {
    scenario: 'async Event x100',
    invocations: n,
    traceEvents: world.trace.events.length,
    ms: performance.now() - t0,
  };
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const n = Number(process.env.BENCH_INVOCATIONS ?? 100_000);
const scenarios = [() => sequential(n), () => concurrent(n, 100), () => asyncEvents(n)];
sequential(5000); // warm up the JIT
console.log(`sim bench: ${n} invocations per run, ${runs} runs, median shown (node ${process.version})`);
for (const scenario of scenarios) {
  const results = Array.from({ length: runs }, scenario).sort((a, b) => a.ms - b.ms);
  const median = results[Math.floor(results.length / 2)]!;
  const secs = median.ms / 1000;
  console.log(
    `${median.scenario.padEnd(22)} ${Math.round(median.invocations / secs)
      .toLocaleString('en-US')
      .padStart(9)} invocations/s` +
      `  ${Math.round(median.traceEvents / secs)
        .toLocaleString('en-US')
        .padStart(10)} trace events/s` +
      `  (${(median.traceEvents / median.invocations).toFixed(1)} events/invocation, ${median.ms.toFixed(0)} ms)`,
  );
}
