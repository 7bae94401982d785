// Worker-thread bootstrap in plain JavaScript. Node 20 cannot load .ts itself, so this registers tsx's
// loader in this thread and imports the TypeScript worker (the same under Vitest and a tsx CLI). Pyodide is
// loaded first, by Node's own loader: through tsx's hooks its 1.2 MB module would be transformed for nothing.
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { register } from 'tsx/esm/api';

const started = performance.now();
// An explicit indexURL: Pyodide otherwise finds itself from stack traces, which source maps can rewrite.
const indexURL = fileURLToPath(new URL('.', import.meta.resolve('pyodide')));
globalThis.lambdaLabPyodide = { pyodide: await loadPyodide({ indexURL }), ms: performance.now() - started };
register();
await import('./nodeRuntime.worker.ts');
