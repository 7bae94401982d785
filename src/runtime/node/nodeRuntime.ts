/**
 * The Node host: the shared worker pool over Pyodide worker threads (for tests and the headless CLI).
 * Node always has shared memory, so a runaway handler is interrupted before its worker is terminated.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createPooledRuntime, type PooledRuntime, type PooledRuntimeOptions } from '../pool/pooledRuntime';
import { type RawWorker, startPythonWorker } from '../pool/pythonWorker';
import type { WorkerToHost } from '../protocol';
import { threadCpuMs } from './runDelay';

export interface NodeRuntimeOptions extends Omit<PooledRuntimeOptions, 'spawn'> {
  /**
   * A Pyodide memory snapshot to restore instead of booting (about 5x faster); default: the build's
   * public/pyodide/snapshot.bin when present. Null boots the plain way.
   */
  readonly snapshotPath?: string | null;
  /**
   * Tests only: a slower machine made real, every Python line and call burning this many turns of a
   * busy loop (engine/pythonDrag.ts). Default 0.
   */
  readonly pythonDrag?: number;
  /** False: no scheduler counter, as in a browser worker, so load is estimated (bench, tests). Default true. */
  readonly schedstat?: boolean;
  /** False: the pool cannot read the thread's CPU time, so its watchdog works as in a browser (tests). Default true. */
  readonly threadCpu?: boolean;
}

const DEFAULT_SNAPSHOT = fileURLToPath(new URL('../../../public/pyodide/snapshot.bin', import.meta.url));
export type NodeRuntime = PooledRuntime;

const workerUrl = new URL('./nodeRuntime.worker.mjs', import.meta.url);

function spawnThread(
  snapshotPath: string | null,
  pythonDrag: number,
  schedstat: boolean,
  threadCpu: boolean,
): RawWorker {
  // The bootstrap writes its thread's Linux id here, for threadCpuMs.
  const threadId = new SharedArrayBuffer(4);
  // A clean execArgv: the bootstrap registers tsx itself, after Pyodide has loaded without it.
  const thread = new Worker(workerUrl, {
    execArgv: [],
    workerData: { snapshotPath, threadId, pythonDrag, schedstat },
  });
  return {
    threadCpuMs: () => (threadCpu ? threadCpuMs(Atomics.load(new Int32Array(threadId), 0)) : null),
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
  const snapshotPath = options.snapshotPath === undefined ? DEFAULT_SNAPSHOT : options.snapshotPath;
  const drag = options.pythonDrag ?? 0;
  return createPooledRuntime({
    ...options,
    spawn: () =>
      startPythonWorker(
        spawnThread(snapshotPath, drag, options.schedstat ?? true, options.threadCpu ?? true),
        {},
      ),
  });
}
