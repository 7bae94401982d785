/// <reference lib="webworker" />
/**
 * The browser's Python worker. Boots Pyodide in named, timed phases (download, compile, interpreter,
 * ready), restoring a memory snapshot when one matches this Pyodide build, then hands every other message
 * to the shared worker core, so the browser and the Node host run the same runtime code.
 */
import { loadPyodide, type PyodideAPI, version as pyodideVersion } from 'pyodide';
import { createWorkerCore } from '../engine/workerCore';
import {
  BOOT_PHASES,
  type BootOptions,
  type BootPhase,
  type HostToWorker,
  PROTOCOL_VERSION,
  type WorkerToHost,
} from '../protocol';
import { fetchAll } from './fetchWithProgress';

declare const self: DedicatedWorkerGlobalScope;

/** The in-interpreter Lambda runtime, bundled as text; the Node host reads the same files from disk. */
const RUNTIME_SOURCES: Record<string, string> = import.meta.glob('../py/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const post = (message: WorkerToHost, transfer: Transferable[] = []) => self.postMessage(message, transfer);

/** loadPyodide never settles when wasm instantiation fails, so the interpreter phase has a watchdog. */
const INTERPRETER_WATCHDOG_MS = 90_000;

let handleRest: ((message: HostToWorker) => void) | null = null;
const pending: HostToWorker[] = [];

async function boot(options: BootOptions): Promise<void> {
  const phaseMs = Object.fromEntries(BOOT_PHASES.map((p) => [p, 0])) as Record<BootPhase, number>;
  let current: BootPhase = 'download';
  const timed = async <T>(phase: BootPhase, run: () => Promise<T>): Promise<T> => {
    current = phase;
    const start = performance.now();
    post({ type: 'phase', phase, state: 'start', ms: 0 });
    const result = await run();
    phaseMs[phase] = performance.now() - start;
    post({ type: 'phase', phase, state: 'end', ms: phaseMs[phase] });
    return result;
  };
  try {
    const indexUrl = options.indexUrl ?? '';
    let lastReport = 0;
    const [wasm, stdlib, lock, snapshot] = await timed('download', async () => {
      const snapshotUsable = options.snapshotUrl ? await snapshotMatches(options.snapshotUrl) : false;
      return fetchAll(
        [
          { url: `${indexUrl}pyodide.asm.wasm` },
          { url: `${indexUrl}python_stdlib.zip` },
          { url: `${indexUrl}pyodide-lock.json` },
          ...(snapshotUsable && options.snapshotUrl ? [{ url: options.snapshotUrl, optional: true }] : []),
        ],
        (loadedBytes, totalBytes) => {
          const now = performance.now();
          if (now - lastReport < 100) return;
          lastReport = now;
          post({ type: 'phase', phase: 'download', state: 'progress', ms: 0, loadedBytes, totalBytes });
        },
      );
    });
    // Compiling here keeps the module alive, so V8 reuses it when Pyodide instantiates the same bytes.
    const compiled = await timed('compile', () => WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>));
    const stdLibURL = URL.createObjectURL(new Blob([stdlib as Uint8Array<ArrayBuffer>]));
    const lockFileContents = new TextDecoder().decode(lock ?? new Uint8Array());
    let fromSnapshot = false;
    const pyodide = await timed('interpreter', async () => {
      if (snapshot) {
        try {
          const restored = await withWatchdog(
            loadPyodide({ indexURL: indexUrl, stdLibURL, lockFileContents, _loadSnapshot: snapshot }),
          );
          fromSnapshot = true;
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
      return withWatchdog(loadPyodide({ indexURL: indexUrl, stdLibURL, lockFileContents }));
    });
    void compiled;
    await timed('ready', async () => {
      if (options.interruptBuffer) pyodide.setInterruptBuffer(new Uint8Array(options.interruptBuffer));
      handleRest = createWorkerCore(pyodide as PyodideAPI, RUNTIME_SOURCES, post, options);
    });
    post({ type: 'ready', v: PROTOCOL_VERSION, fromSnapshot, phaseMs });
    for (const message of pending.splice(0)) handleRest?.(message);
  } catch (error) {
    post({
      type: 'bootFailed',
      phase: current,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

async function snapshotMatches(snapshotUrl: string): Promise<boolean> {
  try {
    const response = await fetch(snapshotUrl.replace(/\.bin$/, '.json'));
    if (!response.ok) return false;
    const meta = (await response.json()) as { pyodideVersion?: unknown };
    return meta.pyodideVersion === pyodideVersion;
  } catch {
    return false;
  }
}

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

self.onmessage = (event: MessageEvent<HostToWorker>) => {
  const message = event.data;
  if (message.type === 'boot') {
    void boot(message.options);
    return;
  }
  if (handleRest) handleRest(message);
  else pending.push(message);
};
