#!/usr/bin/env node
// Builds a Pyodide memory snapshot with the stdlib modules the lab always needs and the lab's own runtime
// already imported, so the browser restores a warm interpreter and imports nothing after the restore. Uses Pyodide's private snapshot API
// (`_makeSnapshot`), which is tied to the exact Pyodide build: the meta file records the version and the
// browser falls back to a plain load when it does not match.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, version } from 'pyodide';
import { RUNTIME_DIR, runtimeDigest, SITE_PACKAGES } from '../src/runtime/snapshot/snapshotRuntime.mjs';

const PY_DIR = fileURLToPath(new URL('../src/runtime/py/', import.meta.url));

/** The runtime's Python sources keyed by path below src/runtime/py (as the Node host reads them). */
export function readRuntimeSources(dir = PY_DIR, prefix = '') {
  const sources = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(sources, readRuntimeSources(path, `${prefix}${name}/`));
    else if (name.endsWith('.py')) sources[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return sources;
}

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
  // What the runtime's boot() and the boto3 shim pull in (identity, the network guard, memory).
  'ctypes',
  'socket',
  'ssl',
  'http.client',
  'urllib.request',
  'linecache',
  'warnings',
];

export function snapshotKey() {
  return createHash('sha256')
    .update(`${version}\n${WARM_MODULES.join(',')}\n${runtimeDigest(readRuntimeSources())}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Imports the lab's runtime (not boot(): that installs per-process hooks after the restore) from the same
 * paths the engine writes it to, and marks it with its sources' digest. The files themselves are not part
 * of a snapshot (they live in JS memory); the engine writes them again. Returns the digest, or null when
 * the runtime cannot be imported here (the snapshot then holds the stdlib only).
 */
function importRuntime(pyodide, sources) {
  const digest = runtimeDigest(sources);
  for (const [path, text] of Object.entries(sources)) {
    const target = path.startsWith('shim/')
      ? `${SITE_PACKAGES}/${path.slice('shim/'.length)}`
      : `${RUNTIME_DIR}/${path}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    pyodide.FS.writeFile(target, text);
  }
  try {
    pyodide.runPython(
      [
        'import sys',
        `sys.path.insert(0, ${JSON.stringify(RUNTIME_DIR)})`,
        `sys.path.append(${JSON.stringify(SITE_PACKAGES)})`,
        'try:',
        '    import lambda_lab_runtime',
        `    lambda_lab_runtime.__lab_sources_digest__ = ${JSON.stringify(digest)}`,
        'finally:',
        // The engine puts both folders on the path again after the restore.
        `    sys.path.remove(${JSON.stringify(RUNTIME_DIR)})`,
        `    sys.path.remove(${JSON.stringify(SITE_PACKAGES)})`,
      ].join('\n'),
    );
    return digest;
  } catch (error) {
    console.warn(
      `snapshot: the lab's runtime stays out of it (${String(error).split('\n').at(-2) ?? error})`,
    );
    return null;
  }
}

export async function makeSnapshot(outFile) {
  const started = performance.now();
  const pyodide = await loadPyodide({ _makeSnapshot: true });
  pyodide.runPython(WARM_MODULES.map((m) => `import ${m}`).join('\n'));
  const runtime = importRuntime(pyodide, readRuntimeSources());
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
    runtime,
  };
  const metaFile = outFile.replace(/\.bin$/, '.json');
  writeFileSync(`${metaFile}.${process.pid}.partial`, `${JSON.stringify(meta, null, 2)}\n`);
  renameSync(`${metaFile}.${process.pid}.partial`, metaFile);
  return { ...meta, ms: Math.round(performance.now() - started) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? 'public/pyodide/snapshot.bin');
  const meta = await makeSnapshot(out);
  console.log(
    `snapshot: ${out} (${(meta.bytes / 2 ** 20).toFixed(1)} MiB, pyodide ${meta.pyodideVersion}) in ${meta.ms} ms`,
  );
}
