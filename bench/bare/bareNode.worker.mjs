// The Node baseline: Pyodide loaded the plain way in a bare worker thread, answering raw calls.
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';

const pyodide = await loadPyodide({ indexURL: fileURLToPath(new URL('.', import.meta.resolve('pyodide'))) });
pyodide.runPython('import json\ndef handler(event, context):\n    return event\n');
const handler = pyodide.globals.get('handler');
parentPort.postMessage({ id: 'ready' });
parentPort.on('message', ({ id }) => parentPort.postMessage({ id, result: handler(id, null) }));
