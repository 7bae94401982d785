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
  // A page a service worker controls says so: the files are then read from Cache Storage directly, all
  // but the wasm. Chrome keeps a compiled wasm's code cache only for a response that came from the network
  // or from a service worker's answer, never for one read with caches.match(), so the wasm is asked of the
  // service worker (which answers from the same cache).
  const hint = options.snapshotUrl?.endsWith(CACHED_HINT) ? CACHED_HINT : '';
  const compiling = compileWasm(wasmUrl, progress);
  const loader = importLoader(indexUrl);
  // Awaited below; until then a failure must not count as unhandled.
  compiling.catch(() => undefined);
  loader.catch(() => undefined);
  const stdlibLoad = download(`${indexUrl}python_stdlib.zip${hint}`, progress, 'stdlib');
  const lockLoad = download(`${indexUrl}pyodide-lock.json${hint}`, progress, 'lock');
  const snapshotLoad = options.snapshotUrl
    ? downloadSnapshot(options.snapshotUrl, SNAPSHOT_KEY, progress)
    : null;
  const downloads = timed('download', () =>
    Promise.all([stdlibLoad, lockLoad, snapshotLoad?.complete ?? null]),
  );
  // Hashed while the files stream in, so the engine's start finds the digest made (snapshotRuntime.mjs); in
  // a task of its own, after the downloads' requests have gone out (they are issued from microtasks).
  setTimeout(() => runtimeDigest(RUNTIME_SOURCES), 0);
  const prepared = Promise.all([stdlibLoad, lockLoad, compiling, loader]).then(
    ([stdlib, lock, compiled, createPyodideModule]) => ({
      compiled,
      createPyodideModule,
      stdLibURL: URL.createObjectURL(new Blob([stdlib as Uint8Array<ArrayBuffer>])),
      lockFileContents: new TextDecoder().decode(lock),
    }),
  );
  prepared.catch(() => undefined);
  const load = async (withSnapshot: { image: Uint8Array; landed: Promise<unknown> } | null) => {
    const { compiled, createPyodideModule, stdLibURL, lockFileContents } = await prepared;
    return withWatchdog(
      withSnapshot?.landed ?? Promise.resolve(),
      withCompiledWasm(wasmUrl, compiled, () =>
        loadPyodide({
          indexURL: indexUrl,
          stdLibURL,
          lockFileContents,
          createPyodideModule,
          ...(withSnapshot
            ? {
                _loadSnapshot: withSnapshot.image,
                // Pyodide waits for this hook before it runs, and copies the image in after: so the wasm's
                // instantiation and dynamic linking go on while the rest of the snapshot streams in. A
                // download that fails holds the hook for good; the boot then fails on the download itself.
                fsInit: () => {
                  const start = performance.now();
                  return withSnapshot.landed.then(
                    () => void measure('snapshot-wait', start),
                    () => new Promise<void>(() => undefined),
                  );
                },
              }
            : {}),
        }),
      ),
    );
  };
  // The restore. From the network it starts once the wasm, the stdlib and the snapshot's header are in, so
  // the interpreter is set up while the snapshot still streams in. From Cache Storage the file arrives as
  // fast as this thread takes it, and setting up meanwhile would only hold those reads back (in interleaved
  // runs the repeat visit got slower), so there it waits for the whole file. The engine then starts the
  // runtime the snapshot holds when it was built from these sources.
  const restoring = (async () => {
    const image = await (hint ? snapshotLoad?.complete.catch(() => null) : snapshotLoad?.early);
    if (!image || !snapshotLoad) return null;
    const start = performance.now();
    try {
      const restored = await load({ image, landed: snapshotLoad.complete });
      measure('restore', start);
      return restored;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  })();
  restoring.catch(() => undefined);
  await downloads;
  await timed('compile', () => compiling);
  let fromSnapshot = false;
  const pyodide = await timed('interpreter', async () => {
    const start = performance.now();
    const restored = await restoring;
    if (restored && !(restored instanceof Error)) {
      fromSnapshot = true;
      return restored;
    }
    if (restored instanceof Error)
      post({
        type: 'phase',
        phase: 'interpreter',
        state: 'progress',
        ms: 0,
        detail: `snapshot not used: ${String(restored)}`,
      });
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

/** The watchdog counts from `from` on: a restore that starts early waits for the snapshot's download first. */
function withWatchdog<T>(from: Promise<unknown>, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    from.then(
      () => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`The Python interpreter did not start within ${INTERPRETER_WATCHDOG_MS / 1000} s.`),
            ),
          INTERPRETER_WATCHDOG_MS,
        );
      },
      () => undefined,
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
