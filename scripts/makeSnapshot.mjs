#!/usr/bin/env node
// Builds a Pyodide memory snapshot with the stdlib modules the lab always needs and the lab's own runtime
// already loaded (privately, in its sandbox), so a restored interpreter only boots it. Uses Pyodide's private snapshot API
// (`_makeSnapshot`), which is tied to the exact Pyodide build: the meta file records the version and the
// browser falls back to a plain load when it does not match.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, version } from 'pyodide';
import {
  MARKER,
  RUNTIME_DIR,
  runtimeDigest,
  SITE_PACKAGES,
  sandboxPython,
  sparseSnapshot,
} from '../src/runtime/snapshot/snapshotRuntime.mjs';

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
    .update(`sparse\n${version}\n${WARM_MODULES.join(',')}\n${runtimeDigest(readRuntimeSources())}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Loads the lab's runtime as the engine does, privately inside the sandbox module (lambda_lab_sandbox.load:
 * module code only, no hooks, no host bridge), and leaves the sandbox in a marker module with the sources'
 * digest; the engine takes it from there after a restore. The files themselves are not in a snapshot (they
 * live in JS memory): the engine writes them again. Returns the digest.
 */
function loadRuntime(pyodide, sources) {
  const digest = runtimeDigest(sources);
  for (const [path, text] of Object.entries(sources)) {
    const target = path.startsWith('shim/')
      ? `${SITE_PACKAGES}/${path.slice('shim/'.length)}`
      : `${RUNTIME_DIR}/${path}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    pyodide.FS.writeFile(target, text);
  }
  pyodide.runPython(
    [
      sandboxPython(digest),
      `sandbox.load(${JSON.stringify(SITE_PACKAGES)}, everything=True)`,
      `marker = types.ModuleType(${JSON.stringify(MARKER)})`,
      `marker.digest = ${JSON.stringify(digest)}`,
      'marker.sandbox = sandbox',
      'sys.modules[marker.__name__] = marker',
    ].join('\n'),
    // A throwaway namespace: __main__ keeps nothing of the runtime.
    { globals: pyodide.toPy({}) },
  );
  return digest;
}

export async function makeSnapshot(outFile) {
  const started = performance.now();
  const pyodide = await loadPyodide({ _makeSnapshot: true });
  pyodide.runPython(WARM_MODULES.map((m) => `import ${m}`).join('\n'));
  const runtime = loadRuntime(pyodide, readRuntimeSources());
  const bytes = pyodide.makeMemorySnapshot();
  mkdirSync(dirname(outFile), { recursive: true });
  // Written beside the target and renamed, so a build running alongside never reads half a snapshot.
  const partial = `${outFile}.${process.pid}.partial`;
  const file = sparseSnapshot(bytes);
  writeFileSync(partial, file);
  renameSync(partial, outFile);
  const meta = {
    pyodideVersion: version,
    key: snapshotKey(),
    bytes: bytes.byteLength,
    fileBytes: file.byteLength,
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
    `snapshot: ${out} (${(meta.bytes / 2 ** 20).toFixed(1)} MiB, ${(meta.fileBytes / 2 ** 20).toFixed(1)} MiB without zero pages, pyodide ${meta.pyodideVersion}) in ${meta.ms} ms`,
  );
}
