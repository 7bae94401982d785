// Profiles the engine in-process (what the pool's worker thread runs): `node --cpu-prof --import tsx
// bench/profileEngine.ts [envs]` for the JS side, and Python's cProfile over the same inits for the runtime.
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { createEngine } from '../src/runtime/engine/engine';
import { readPythonSources } from '../src/runtime/node/pythonSources';
import { expandSnapshot } from '../src/runtime/snapshot/snapshotRuntime.mjs';
import type { EnvSpec } from '../src/sim';

const START = Date.UTC(2026, 10, 26, 12);
const count = Number(process.argv[2] ?? 300);
const sources = readPythonSources();
const pyodide = await loadPyodide({
  _loadSnapshot: expandSnapshot(readFileSync('public/pyodide/snapshot.bin')),
});
pyodide.registerJsModule('lab_host', { aws_call: () => '{}' });
const engine = createEngine(pyodide, sources);
const spec = (envId: string): EnvSpec => ({
  envId,
  functionName: 'p',
  functionVersion: '$LATEST',
  runtime: 'python3.13',
  handler: 'lambda_function.lambda_handler',
  memoryMb: 1769,
  timeoutMs: 3000,
  ephemeralStorageMb: 512,
  environment: { AWS_LAMBDA_FUNCTION_NAME: 'p' },
  code: { 'lambda_function.py': 'def lambda_handler(event, context):\n    return event\n' },
  layers: [],
  logGroupName: '/aws/lambda/p',
  logStreamName: `2026/11/26/[$LATEST]${envId}`,
  cpuScale: 1,
});
const invoke = (envId: string, i: number) =>
  engine.invoke({
    envId,
    requestId: `r${i}`,
    eventJson: '{}',
    nowMs: START,
    deadlineMs: START + 3000,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:p',
  });
const profile = process.env.PY_PROFILE === '1';
// The profiler lives on the JS side: the runtime restores Python's globals between environments.
const profiler = profile
  ? (pyodide.runPython('import cProfile\n_p = cProfile.Profile()\n_p.enable()\n_p') as { disable(): void })
  : null;
let t = performance.now();
for (let i = 0; i < count; i++) engine.init({ env: spec(`e${i}`), nowMs: START, limitMs: 10_000 });
const initMs = (performance.now() - t) / count;
t = performance.now();
for (let i = 0; i < count; i++) invoke('e0', i);
const warmMs = (performance.now() - t) / count;
t = performance.now();
for (let i = 0; i < count; i++) invoke(`e${i}`, i);
const switchMs = (performance.now() - t) / count;
console.log(JSON.stringify({ initMs, warmMs, switchMs }));
if (profiler) {
  profiler.disable();
  const stats = pyodide.runPython(
    "def _stats(p):\n    import io, pstats\n    s = io.StringIO()\n    pstats.Stats(p, stream=s).sort_stats('tottime').print_stats(25)\n    return s.getvalue()\n_stats",
  ) as (p: unknown) => string;
  console.log(stats(profiler));
}
