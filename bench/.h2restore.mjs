import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
const snap = readFileSync('public/pyodide/snapshot.bin');
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const py = await loadPyodide({ _loadSnapshot: new Uint8Array(snap) });
  const t1 = performance.now();
  console.log('restore', Math.round(t1 - t0));
}
const t0 = performance.now(); await loadPyodide(); console.log('plain', Math.round(performance.now() - t0));
