#!/usr/bin/env node
// Builds a Pyodide memory snapshot with the stdlib modules the lab always needs already imported, so the
// browser restores a warm interpreter instead of booting one. Uses Pyodide's private snapshot API
// (`_makeSnapshot`), which is tied to the exact Pyodide build: the meta file records the version and the
// browser falls back to a plain load when it does not match.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadPyodide, version } from 'pyodide';

export const WARM_MODULES = [
  'json',
  're',
  'datetime',
  'decimal',
  'logging',
  'traceback',
  'base64',
  'uuid',
  'hashlib',
  'hmac',
  'urllib.parse',
  'tracemalloc',
  'importlib',
  'importlib.util',
  'inspect',
  'ast',
  'io',
  'time',
  'collections',
  'dataclasses',
  'functools',
  'itertools',
  'typing',
  'copy',
  'random',
  'string',
  'math',
];

export function snapshotKey() {
  return createHash('sha256')
    .update(`${version}\n${WARM_MODULES.join(',')}`)
    .digest('hex')
    .slice(0, 16);
}

export async function makeSnapshot(outFile) {
  const started = performance.now();
  const pyodide = await loadPyodide({ _makeSnapshot: true });
  pyodide.runPython(WARM_MODULES.map((m) => `import ${m}`).join('\n'));
  const bytes = pyodide.makeMemorySnapshot();
  mkdirSync(dirname(outFile), { recursive: true });
  // Written beside the target and renamed, so a build running alongside never reads half a snapshot.
  const partial = `${outFile}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, outFile);
  const meta = {
    pyodideVersion: version,
    key: snapshotKey(),
    bytes: bytes.byteLength,
    modules: WARM_MODULES,
  };
  writeFileSync(outFile.replace(/\.bin$/, '.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return { ...meta, ms: Math.round(performance.now() - started) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? 'public/pyodide/snapshot.bin');
  const meta = await makeSnapshot(out);
  console.log(
    `snapshot: ${out} (${(meta.bytes / 2 ** 20).toFixed(1)} MiB, pyodide ${meta.pyodideVersion}) in ${meta.ms} ms`,
  );
}
