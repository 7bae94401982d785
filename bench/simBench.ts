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
  /** Wall-clock ms, and CPU ms of this process (steadier when other work shares the 2 cores). */
  readonly ms: number;
  readonly cpuMs: number;
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function measure(scenario: string, invocations: number, run: () => number): Figures {
  const c0 = cpuNow();
  const t0 = performance.now();
  const traceEvents = run();
  return { scenario, invocations, traceEvents, ms: performance.now() - t0, cpuMs: cpuNow() - c0 };
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
  return measure('sequential sync', n, () => {
    for (let i = 0; i < n; i++) {
      const r = world.invoke({ functionName: 'bench', payloadJson: '{"i":1}' });
      if (r.ok) settleEffects(world, runtime, r.effects);
      advanceSettled(world, runtime, world.now() + 10);
    }
    return world.trace.events.length;
  });
}

/** Bursts of `width` overlapping invokes every 50 ms of virtual time: many environments at once. */
function concurrent(n: number, width: number): Figures {
  const { world, runtime } = setup(5000);
  return measure(`concurrent sync x${width}`, n, () => {
    for (let i = 0; i < n; i += width) {
      for (let j = 0; j < width; j++) {
        const r = world.invoke({ functionName: 'bench', payloadJson: '{"i":1}' });
        if (r.ok) settleEffects(world, runtime, r.effects);
      }
      advanceSettled(world, runtime, world.now() + 50);
    }
    return world.trace.events.length;
  });
}

/** Async events through the internal queue. */
function asyncEvents(n: number): Figures {
  const { world, runtime } = setup();
  return measure('async Event x100', n, () => {
    for (let i = 0; i < n; i += 100) {
      for (let j = 0; j < 100; j++)
        world.invoke({ functionName: 'bench', invocationType: 'Event', payloadJson: '{}' });
      advanceSettled(world, runtime, world.now() + 50);
    }
    return world.trace.events.length;
  });
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const n = Number(process.env.BENCH_INVOCATIONS ?? 100_000);
const scenarios = [() => sequential(n), () => concurrent(n, 100), () => asyncEvents(n)];
sequential(5000); // warm up the JIT
const load = (await import('node:os')).loadavg()[0]?.toFixed(2);
console.log(
  `sim bench: ${n} invocations per run, ${runs} runs, median shown (node ${process.version}, load ${load})`,
);
const rate = (count: number, ms: number): string =>
  Math.round(count / (ms / 1000))
    .toLocaleString('en-US')
    .padStart(9);
for (const scenario of scenarios) {
  const results = Array.from({ length: runs }, scenario).sort((a, b) => a.ms - b.ms);
  const m = results[Math.floor(results.length / 2)]!;
  console.log(
    `${m.scenario.padEnd(20)} wall: ${rate(m.invocations, m.ms)} invocations/s ${rate(m.traceEvents, m.ms)} trace events/s` +
      ` | cpu: ${rate(m.invocations, m.cpuMs)} invocations/s ${rate(m.traceEvents, m.cpuMs)} trace events/s` +
      `  (${(m.traceEvents / m.invocations).toFixed(1)} events/invocation)`,
  );
}
