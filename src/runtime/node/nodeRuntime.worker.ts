/**
 * The Node worker thread: reports Pyodide's boot in named, timed phases, then hands every run message to the
 * shared worker core. Entered through nodeRuntime.worker.mjs, which loads Pyodide and registers tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PyodideAPI } from 'pyodide';
import { createBootEntry } from '../engine/bootEntry';
import { hardenWorkerScope, NODE_REMOVED } from '../engine/hostHardening';
import { dragPython } from '../engine/pythonDrag';
import { createWorkerCore } from '../engine/workerCore';
import type { HostToWorker, WorkerToHost } from '../protocol';
import { readPythonSources } from './pythonSources';
import { createSchedstatReader } from './runDelay';

/** Left on globalThis by nodeRuntime.worker.mjs, which loads Pyodide before tsx is registered. */
function preloaded(): { pyodide: PyodideAPI; ms: number; fromSnapshot: boolean } {
  const value: unknown = Reflect.get(globalThis, 'lambdaLabPyodide');
  if (typeof value !== 'object' || value === null || !('pyodide' in value) || !('ms' in value)) {
    throw new Error('nodeRuntime.worker.ts must be started through nodeRuntime.worker.mjs');
  }
  return value as { pyodide: PyodideAPI; ms: number; fromSnapshot: boolean };
}

const port = parentPort;
if (!port) throw new Error('nodeRuntime.worker.ts must run in a worker thread');
const post = (message: WorkerToHost) => port.postMessage(message);

const entry = createBootEntry(post, async (options, { timed, phaseMs }) => {
  // Node reads Pyodide's files from node_modules and compiles inside loadPyodide: both phases are empty.
  await timed('download', () => undefined, 'local files');
  await timed('compile', () => undefined, 'part of the interpreter phase in Node');
  const { pyodide, ms, fromSnapshot } = await timed('interpreter', preloaded);
  phaseMs.interpreter = ms;
  const core = await timed('ready', () => {
    if (options.interruptBuffer) pyodide.setInterruptBuffer(new Uint8Array(options.interruptBuffer));
    // NodeRuntimeOptions.schedstat false: measure as a browser worker does (load estimated, not read).
    const browserLike = Reflect.get(Object(workerData), 'schedstat') === false;
    const schedstat = browserLike ? undefined : (createSchedstatReader() ?? undefined);
    // LAB_TIMER_SCALE=3 runs as on a machine three times slower: modeled figures and verdicts must not move.
    const timerScale = Number(process.env.LAB_TIMER_SCALE ?? 1) || 1;
    const started = createWorkerCore(pyodide, readPythonSources(), post, {
      ...options,
      schedstat,
      timerScale,
    });
    // A test's slower machine (NodeRuntimeOptions.pythonDrag): counted work must not move.
    const drag = Number(Reflect.get(Object(workerData), 'pythonDrag') ?? 0);
    if (drag > 0) dragPython(pyodide, drag);
    // Booted: handler code must find no process to signal or end, and no network (SECURITY.md).
    const left = hardenWorkerScope(globalThis, NODE_REMOVED);
    if (left.length > 0) throw new Error(`Could not remove ${left.join(', ')} from the worker's scope`);
    return started;
  });
  return { serve: core.serve, fromSnapshot, afterReady: core.warmUp };
});

port.on('message', (message: HostToWorker) => entry(message));
