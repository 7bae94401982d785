// Worker-thread bootstrap in plain JavaScript. Node 20 cannot load .ts itself, so this registers tsx's
// loader in this thread and imports the TypeScript worker (the same under Vitest and a tsx CLI). Pyodide is
// loaded first, by Node's own loader: through tsx's hooks its 1.2 MB module would be transformed for nothing.
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { loadPyodide, version } from 'pyodide';
import { register } from 'tsx/esm/api';
import { expandSnapshot } from '../snapshot/snapshotRuntime.mjs';

/** The build's memory snapshot (public/pyodide/snapshot.bin), when it exists and matches this Pyodide. */
function snapshotBytes(path) {
  if (!path || !existsSync(path) || !existsSync(path.replace(/\.bin$/, '.json'))) return undefined;
  try {
    const meta = JSON.parse(readFileSync(path.replace(/\.bin$/, '.json'), 'utf8'));
    return meta.pyodideVersion === version ? expandSnapshot(readFileSync(path)) : undefined;
  } catch {
    return undefined;
  }
}

// Tell the host this thread's Linux id (/proc/thread-self -> "<pid>/task/<tid>"), so its watchdog can
// count the thread's CPU time rather than real time (src/runtime/node/runDelay.ts).
if (workerData?.threadId instanceof SharedArrayBuffer) {
  try {
    Atomics.store(
      new Int32Array(workerData.threadId),
      0,
      Number(readlinkSync('/proc/thread-self').split('/')[2]),
    );
  } catch {
    // not Linux: the watchdog counts real time
  }
}

const started = performance.now();
// An explicit indexURL: Pyodide otherwise finds itself from stack traces, which source maps can rewrite.
const indexURL = fileURLToPath(new URL('.', import.meta.resolve('pyodide')));
const snapshot = snapshotBytes(workerData?.snapshotPath);
let pyodide;
let fromSnapshot = false;
if (snapshot) {
  try {
    pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshot });
    fromSnapshot = true;
  } catch {
    pyodide = undefined;
  }
}
pyodide ??= await loadPyodide({ indexURL });
register();
globalThis.lambdaLabPyodide = { pyodide, ms: performance.now() - started, fromSnapshot };
await import('./nodeRuntime.worker.ts');
