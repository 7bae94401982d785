/**
 * The Node host: the shared worker pool over Pyodide worker threads (for tests and the headless CLI).
 * Node always has shared memory, so a runaway handler is interrupted before its worker is terminated.
 */
import { Worker } from 'node:worker_threads';
import { createPooledRuntime, type PooledRuntime, type PooledRuntimeOptions } from '../pool/pooledRuntime';
import { type RawWorker, startPythonWorker } from '../pool/pythonWorker';
import type { WorkerToHost } from '../protocol';

export type NodeRuntimeOptions = Omit<PooledRuntimeOptions, 'spawn'>;
export type NodeRuntime = PooledRuntime;

const workerUrl = new URL('./nodeRuntime.worker.mjs', import.meta.url);

function spawnThread(): RawWorker {
  // A clean execArgv: the bootstrap registers tsx itself, after Pyodide has loaded without it.
  const thread = new Worker(workerUrl, { execArgv: [] });
  return {
    postMessage: (message) => thread.postMessage(message),
    terminate: () => void thread.terminate(),
    listen(onMessage, onCrash) {
      thread.on('message', (message: WorkerToHost) => onMessage(message));
      thread.on('error', (error) => onCrash(error instanceof Error ? error.message : String(error)));
      thread.on('exit', (code) => onCrash(`exit code ${code}`));
    },
  };
}

export function createNodeRuntime(options: NodeRuntimeOptions = {}): NodeRuntime {
  return createPooledRuntime({ ...options, spawn: () => startPythonWorker(spawnThread(), {}) });
}
