/// <reference lib="webworker" />
/**
 * The browser's Python worker. Boots Pyodide in named, timed phases (download, compile, interpreter,
 * ready), restoring a memory snapshot when one matches this Pyodide build, then hands every other message
 * to the shared worker core, so the browser and the Node host run the same runtime code.
 */
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { createBootEntry } from '../engine/bootEntry';
import { BROWSER_REMOVED, hardenWorkerScope } from '../engine/hostHardening';
import { createWorkerCore } from '../engine/workerCore';
import type { HostToWorker, WorkerToHost } from '../protocol';
import { runtimeDigest } from '../snapshot/snapshotRuntime.mjs';
import {
  CACHED_HINT,
  compileWasm,
  createProgress,
  download,
  downloadSnapshot,
  importLoader,
  measure,
  openTimeline,
  withCompiledWasm,
} from './bootAssets';

declare const self: DedicatedWorkerGlobalScope;
// From the worker's creation to its script running: the script's download, parse and imports.
performance.measure('boot:worker-script', { start: 0 });
/** The snapshot this build made (scripts/makeSnapshot.mjs); another one is for another Pyodide or warm-up. */
declare const __LAB_SNAPSHOT_KEY__: string;
const SNAPSHOT_KEY = typeof __LAB_SNAPSHOT_KEY__ === 'string' ? __LAB_SNAPSHOT_KEY__ : '';

/** The in-interpreter Lambda runtime, bundled as text; the Node host reads the same files from disk. */
const RUNTIME_SOURCES: Record<string, string> = import.meta.glob('../py/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

// Kept privately: after boot the scope's own postMessage is removed (hostHardening.ts), so handler code
// cannot send the page messages in the worker's name.
const postMessage = self.postMessage.bind(self);
const post = (message: WorkerToHost, transfer: Transferable[] = []) => postMessage(message, transfer);

/** loadPyodide never settles when wasm instantiation fails, so the interpreter phase has a watchdog. */
const INTERPRETER_WATCHDOG_MS = 90_000;

const entry = createBootEntry(post, async (options, { timed }) => {
  const bootStart = performance.now();
  const indexUrl = options.indexUrl ?? '';
  const wasmUrl = new URL(`${indexUrl}pyodide.asm.wasm`, self.location.href).href;
  let lastReport = 0;
  const progress = createProgress((loadedBytes, totalBytes) => {
    const now = performance.now();
    if (now - lastReport < 100) return;
    lastReport = now;
    post({ type: 'phase', phase: 'download', state: 'progress', ms: 0, loadedBytes, totalBytes });
  });
  // Everything starts at once: the wasm compiles as it streams in, beside the snapshot and the stdlib.
  // A page a service worker controls says so: the files are then read from Cache Storage directly.
  const hint = options.snapshotUrl?.endsWith(CACHED_HINT) ? CACHED_HINT : '';
  const compiling = compileWasm(`${wasmUrl}${hint}`, progress);
  const loader = importLoader(indexUrl);
  // Awaited below; until then a failure must not count as unhandled.
  compiling.catch(() => undefined);
  loader.catch(() => undefined);
  const downloads = timed('download', () =>
    Promise.all([
      download(`${indexUrl}python_stdlib.zip${hint}`, progress, 'stdlib'),
      download(`${indexUrl}pyodide-lock.json${hint}`, progress, 'lock'),
      options.snapshotUrl ? downloadSnapshot(options.snapshotUrl, SNAPSHOT_KEY, progress) : null,
    ]),
  );
  // Hashed while the files stream in, so the engine's start finds the digest made (snapshotRuntime.mjs); in
  // a task of its own, after the downloads' requests have gone out (they are issued from microtasks).
  setTimeout(() => runtimeDigest(RUNTIME_SOURCES), 0);
  const [stdlib, lock, snapshot] = await downloads;
  const compiled = await timed('compile', () => compiling);
  const createPyodideModule = await loader;
  const stdLibURL = URL.createObjectURL(new Blob([stdlib as Uint8Array<ArrayBuffer>]));
  const lockFileContents = new TextDecoder().decode(lock);
  const load = (withSnapshot: Uint8Array | null) =>
    withWatchdog(
      withCompiledWasm(wasmUrl, compiled, () =>
        loadPyodide({
          indexURL: indexUrl,
          stdLibURL,
          lockFileContents,
          createPyodideModule,
          ...(withSnapshot ? { _loadSnapshot: withSnapshot } : {}),
        }),
      ),
    );
  let fromSnapshot = false;
  const pyodide = await timed('interpreter', async () => {
    const start = performance.now();
    if (snapshot) {
      try {
        // The engine starts the runtime the snapshot holds when it was built from these sources.
        const restored = await load(snapshot);
        fromSnapshot = true;
        measure('restore', start);
        return restored;
      } catch (error) {
        post({
          type: 'phase',
          phase: 'interpreter',
          state: 'progress',
          ms: 0,
          detail: `snapshot not used: ${String(error)}`,
        });
      }
    }
    const plain = await load(null);
    measure('interpreter', start);
    return plain;
  });
  const core = await timed('ready', async () => {
    const start = performance.now();
    if (options.interruptBuffer) pyodide.setInterruptBuffer(new Uint8Array(options.interruptBuffer));
    const started = createWorkerCore(pyodide as PyodideAPI, RUNTIME_SOURCES, post, options);
    measure('runtime-start', start);
    return started;
  });
  measure('total', bootStart);
  const publishTimeline = openTimeline();
  publishTimeline();
  // Booted: storage, network, scripts, other workers and tabs leave the scope (SECURITY.md).
  Object.defineProperty(self, 'onmessage', { value: self.onmessage, writable: false, configurable: false });
  const left = hardenWorkerScope(self, BROWSER_REMOVED);
  if (left.length > 0) throw new Error(`Could not remove ${left.join(', ')} from the worker's scope`);
  const afterReady = () => {
    core.warmUp();
    publishTimeline();
  };
  return { serve: core.serve, fromSnapshot, afterReady };
});

function withWatchdog<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`The Python interpreter did not start within ${INTERPRETER_WATCHDOG_MS / 1000} s.`)),
      INTERPRETER_WATCHDOG_MS,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

self.onmessage = (event: MessageEvent<HostToWorker>) => entry(event.data);
