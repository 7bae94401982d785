/**
 * The browser host: the shared worker pool over Pyodide Web Workers, with a warm spare. When the page is
 * cross-origin isolated, a handler past its budget is asked whether its modeled time is past the deadline
 * and stopped only then (pool/watchdog.ts); otherwise a runaway's worker is terminated and the spare takes
 * over. The first worker is the one the entry script started early, when there is one.
 */
import { createPooledRuntime, type PooledRuntime, type PooledRuntimeOptions } from '../pool/pooledRuntime';
import { type PhaseListener, startPythonWorker } from '../pool/pythonWorker';
import { adoptEarlyPython, browserBoot, spawnWebWorker } from './earlyPython';

export interface BrowserRuntimeOptions extends Omit<PooledRuntimeOptions, 'spawn'> {
  readonly baseUrl: string;
  /** False boots Python the plain way instead of restoring the memory snapshot. */
  readonly useSnapshot: boolean;
  readonly onPhase?: PhaseListener;
}

export function createBrowserRuntime(options: BrowserRuntimeOptions): PooledRuntime {
  const boot = browserBoot(options.baseUrl, options.useSnapshot);
  return createPooledRuntime({
    ...options,
    spawn: () =>
      adoptEarlyPython(boot, options.onPhase) ?? startPythonWorker(spawnWebWorker(), boot, options.onPhase),
  });
}
