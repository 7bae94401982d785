/**
 * The first Python worker, started by the page's entry script (src/boot.ts) before the app's own JS has
 * arrived: its downloads, wasm compile, snapshot restore and runtime start overlap the app's download and
 * first render. The browser runtime adopts it as its first worker (browserRuntime.ts). Kept small: it is
 * part of the entry chunk.
 */
import { jspiAvailable } from '../awsChannel';
import {
  type PhaseListener,
  type PythonWorker,
  type RawWorker,
  startPythonWorker,
} from '../pool/pythonWorker';
import type { BootOptions, WorkerToHost } from '../protocol';
import { CACHED_HINT } from './bootAssets';

export type BrowserBoot = Pick<BootOptions, 'indexUrl' | 'snapshotUrl'>;

/** `?snapshot=off` boots Python the plain way (for comparison and as a fallback to try by hand). */
export const snapshotWanted = (search: string = location.search): boolean =>
  new URLSearchParams(search).get('snapshot') !== 'off';

export function browserBoot(baseUrl: string, useSnapshot: boolean): BrowserBoot {
  const indexUrl = new URL(`${baseUrl}pyodide/`, location.href).href;
  // The snapshot is made in Node, without JSPI, and Pyodide keeps "no stack switching" in the restored
  // memory: a page that needs JSPI for its AWS calls (not cross-origin isolated) boots the plain way.
  const needsJspi = !crossOriginIsolated && jspiAvailable();
  const hint = navigator.serviceWorker?.controller ? CACHED_HINT : '';
  return { indexUrl, snapshotUrl: useSnapshot && !needsJspi ? `${indexUrl}snapshot.bin${hint}` : undefined };
}

export function spawnWebWorker(): RawWorker {
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

type PhaseMessage = Parameters<PhaseListener>[0];

let early: {
  readonly boot: BrowserBoot;
  readonly worker: PythonWorker;
  listener: PhaseListener | undefined;
  last: PhaseMessage | undefined;
} | null = null;

/** How long the app waits at most for the first worker's downloads to be asked for (see `underway`). */
const UNDERWAY_CAP_MS = 250;

/**
 * Starts the first worker now. The page marks `lambda-lab:python-ready` when it reports ready. Resolves
 * once the worker has asked for its files (its first phase message comes after the requests), or after
 * UNDERWAY_CAP_MS, or when it fails: whichever is first.
 */
export function startEarlyPython(baseUrl: string, useSnapshot: boolean): Promise<void> {
  const boot = browserBoot(baseUrl, useSnapshot);
  let underway: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => {
    underway = resolve;
    setTimeout(resolve, UNDERWAY_CAP_MS);
  });
  const worker = startPythonWorker(spawnWebWorker(), boot, (message) => {
    underway();
    if (!early) return;
    early.last = message;
    early.listener?.(message);
  });
  early = { boot, worker, listener: undefined, last: undefined };
  worker.ready.then(
    (info) => performance.mark('lambda-lab:python-ready', { detail: info }),
    () => underway(),
  );
  return asked;
}

/**
 * The early worker, once, when it was started for the same files; its phases go to onPhase from now on
 * (the latest one at once). A worker started for other files is stopped, and the caller starts its own.
 */
export function adoptEarlyPython(boot: BrowserBoot, onPhase?: PhaseListener): PythonWorker | null {
  const taken = early;
  if (!taken) return null;
  taken.listener = onPhase;
  if (taken.last) onPhase?.(taken.last);
  early = null;
  if (taken.boot.indexUrl === boot.indexUrl && taken.boot.snapshotUrl === boot.snapshotUrl)
    return taken.worker;
  taken.worker.terminate();
  return null;
}
