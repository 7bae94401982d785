import { loadPyodide } from '../pyodide/pyodide.mjs';

const pyodide = await loadPyodide({ indexURL: new URL('../pyodide/', location.href).href });
pyodide.runPython('def handler(event, context):\n    return event\n');
const handler = pyodide.globals.get('handler');
self.postMessage({ id: 'ready' });
self.onmessage = (event) => {
  const { id, code } = event.data;
  const result = code === undefined ? handler({ ping: id }, null) : pyodide.runPython(code);
  self.postMessage({ id, result: typeof result === 'object' && result !== null ? String(result) : result });
};
