/**
 * The Node worker thread: reports Pyodide's boot in named, timed phases, then hands every run message to the
 * shared worker core. Entered through nodeRuntime.worker.mjs, which loads Pyodide and registers tsx.
 */
import { parentPort } from 'node:worker_threads';
import type { PyodideAPI } from 'pyodide';
import { hardenWorkerScope, NODE_REMOVED } from '../engine/hostHardening';
import { createWorkerCore } from '../engine/workerCore';
import {
  BOOT_PHASES,
  type BootOptions,
  type BootPhase,
  type HostToWorker,
  PROTOCOL_VERSION,
  type WorkerToHost,
} from '../protocol';
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

let handle: ((message: HostToWorker) => void) | null = null;
const pending: HostToWorker[] = [];

async function boot(options: BootOptions): Promise<void> {
  const phaseMs = Object.fromEntries(BOOT_PHASES.map((phase) => [phase, 0])) as Record<BootPhase, number>;
  let current: BootPhase = 'download';
  const timed = async <T>(phase: BootPhase, run: () => Promise<T> | T, detail?: string): Promise<T> => {
    current = phase;
    const start = performance.now();
    post({ type: 'phase', phase, state: 'start', ms: 0, detail });
    const result = await run();
    phaseMs[phase] = performance.now() - start;
    post({ type: 'phase', phase, state: 'end', ms: phaseMs[phase], detail });
    return result;
  };
  try {
    // Node reads Pyodide's files from node_modules and compiles inside loadPyodide: both phases are empty.
    await timed('download', () => undefined, 'local files');
    await timed('compile', () => undefined, 'part of the interpreter phase in Node');
    const { pyodide, ms, fromSnapshot } = await timed('interpreter', preloaded);
    phaseMs.interpreter = ms;
    await timed('ready', () => {
      if (options.interruptBuffer) pyodide.setInterruptBuffer(new Uint8Array(options.interruptBuffer));
      const schedstat = createSchedstatReader() ?? undefined;
      // LAB_TIMER_SCALE=3 runs as on a machine three times slower: modeled figures and verdicts must not move.
      const timerScale = Number(process.env.LAB_TIMER_SCALE ?? 1) || 1;
      handle = createWorkerCore(pyodide, readPythonSources(), post, { ...options, schedstat, timerScale });
      // Booted: handler code must find no process to signal or end, and no network (SECURITY.md).
      const left = hardenWorkerScope(globalThis, NODE_REMOVED);
      if (left.length > 0) throw new Error(`Could not remove ${left.join(', ')} from the worker's scope`);
    });
    post({ type: 'ready', v: PROTOCOL_VERSION, fromSnapshot, phaseMs });
    for (const message of pending.splice(0)) handle?.(message);
  } catch (error) {
    post({
      type: 'bootFailed',
      phase: current,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

port.on('message', (message: HostToWorker) => {
  if (message.type === 'boot') {
    void boot(message.options);
    return;
  }
  if (handle) handle(message);
  else pending.push(message);
});
