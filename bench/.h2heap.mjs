import { loadPyodide } from 'pyodide';
import { WARM_MODULES } from '/work/main/scripts/makeSnapshot.mjs';

const py = await loadPyodide({ _makeSnapshot: true });
const mb = () => (py._module.HEAP8.length / 2 ** 20).toFixed(1);
console.log('bare', mb());
for (const m of WARM_MODULES) {
  py.runPython(`import ${m}`);
}
console.log('warm', mb());
py.runPython('import gc; gc.collect()');
const s = py.makeMemorySnapshot();
console.log('snap', (s.length / 2 ** 20).toFixed(1));
