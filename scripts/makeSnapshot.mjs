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
import {
  MARKER,
  RUNTIME_DIR,
  runtimeDigest,
  runtimeOwnModules,
  SITE_PACKAGES,
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
    .update(`${version}\n${WARM_MODULES.join(',')}\n${runtimeDigest(readRuntimeSources())}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Imports the lab's runtime modules (not boot(): that installs per-process hooks after the restore) from
 * the paths the engine writes them to, one by one: a module that needs a bridge only the engine provides
 * (a JS module) stays out. A marker module records the sources' digest. The files themselves are not in a
 * snapshot (they live in JS memory): the engine writes them again. Returns the digest and what was left out.
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
  pyodide.runPython(
    [
      'def _lab_import_runtime(names, marker_name, digest, runtime_dir, site_packages):',
      '    import importlib, sys, types',
      '    sys.path.insert(0, runtime_dir)',
      '    sys.path.append(site_packages)',
      '    skipped = []',
      '    for name in names:',
      '        try:',
      '            importlib.import_module(name)',
      '        except Exception as error:',
      '            skipped.append(f"{name} ({type(error).__name__}: {error})")',
      '    marker = types.ModuleType(marker_name)',
      '    marker.digest = digest',
      '    sys.modules[marker_name] = marker',
      // The engine puts both folders on the path again after the restore.
      '    sys.path.remove(runtime_dir)',
      '    sys.path.remove(site_packages)',
      '    return "\\n".join(skipped)',
    ].join('\n'),
  );
  const run = pyodide.globals.get('_lab_import_runtime');
  const skipped = run(runtimeOwnModules(sources), MARKER, digest, RUNTIME_DIR, SITE_PACKAGES);
  run.destroy();
  pyodide.runPython('del _lab_import_runtime');
  if (skipped) console.warn(`snapshot: runtime modules left out (imported after the restore):\n${skipped}`);
  return { digest, skipped: skipped ? skipped.split('\n') : [] };
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
    runtime: runtime.digest,
    runtimeLeftOut: runtime.skipped,
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
