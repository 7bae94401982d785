/**
 * The browser host: the shared worker pool over Pyodide Web Workers, with a warm spare. When the page is
 * cross-origin isolated a runaway handler is interrupted; otherwise its worker is terminated and the spare
 * takes over.
 */
import { jspiAvailable } from '../awsChannel';
import { createPooledRuntime, type PooledRuntime, type PooledRuntimeOptions } from '../pool/pooledRuntime';
import { type PhaseListener, type RawWorker, startPythonWorker } from '../pool/pythonWorker';
import type { WorkerToHost } from '../protocol';

export interface BrowserRuntimeOptions extends Omit<PooledRuntimeOptions, 'spawn'> {
  readonly baseUrl: string;
  /** False boots Python the plain way instead of restoring the memory snapshot. */
  readonly useSnapshot: boolean;
  readonly onPhase?: PhaseListener;
}

function spawnWebWorker(): RawWorker {
  performance.mark('lambda-lab:worker-spawn');
  const worker = new Worker(new URL('./python.worker.ts', import.meta.url), {
    type: 'module',
    name: 'python',
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    listen(onMessage, onCrash) {
      worker.onmessage = (event: MessageEvent<WorkerToHost>) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onCrash(event.message || 'the worker script failed');
      };
    },
  };
}

export function createBrowserRuntime(options: BrowserRuntimeOptions): PooledRuntime {
  const pyodideUrl = new URL(`${options.baseUrl}pyodide/`, location.href).href;
  // The snapshot is made in Node, without JSPI, and Pyodide keeps "no stack switching" in the restored
  // memory: a page that needs JSPI for its AWS calls (not cross-origin isolated) boots the plain way.
  const needsJspi = !crossOriginIsolated && jspiAvailable();
  const boot = {
    indexUrl: pyodideUrl,
    snapshotUrl: options.useSnapshot && !needsJspi ? `${pyodideUrl}snapshot.bin` : undefined,
  };
  return createPooledRuntime({
    ...options,
    spawn: () => startPythonWorker(spawnWebWorker(), boot, options.onPhase),
  });
}
