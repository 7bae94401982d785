// The lab's Python runtime inside the memory snapshot, in plain JavaScript so that the snapshot builder
// (scripts/makeSnapshot.mjs, plain Node), the browser worker and the Node worker share one definition.
// The snapshot carries the runtime's modules already imported, marked with a digest of their sources;
// after a restore, modules from other sources are forgotten so they are imported afresh from the files.

import { digest64Hex } from '../../sim/hash.mjs';

/** Where the engine writes the runtime and the boto3 shim (src/runtime/engine/engine.ts, tested equal). */
export const RUNTIME_DIR = '/var/runtime';
export const SITE_PACKAGES = '/var/lang/lib/python3.13/site-packages';

/** Source paths relative to src/runtime/py (Vite's glob gives `../py/x.py`, the Node reader `x.py`). */
function normalized(sources) {
  return Object.entries(sources)
    .map(([key, text]) => [key.startsWith('../py/') ? key.slice('../py/'.length) : key, text])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A 64-bit digest of the runtime's sources, as hex. */
export function runtimeDigest(sources) {
  return digest64Hex(
    normalized(sources)
      .map(([name, text]) => `${name}\u0000${text}\u0000`)
      .join(''),
  );
}

/** Python module names the sources define: `lambda_lab_logs`, `botocore.client`, `boto3`. */
export function runtimeModuleNames(sources) {
  return normalized(sources).map(([path]) =>
    path
      .replace(/^shim\//, '')
      .replace(/(\/__init__)?\.py$/, '')
      .replaceAll('/', '.'),
  );
}

/** The runtime's own modules (not the boto3 shim: a boto3 the learner ships must still win). */
export function runtimeOwnModules(sources) {
  return runtimeModuleNames(sources).filter((name) => name.startsWith('lambda_lab_'));
}

/** The module the snapshot builder leaves in sys.modules, holding the digest of the sources it imported. */
export const MARKER = '_lambda_lab_snapshot';

/** Python that forgets the snapshot's runtime modules unless they were built from these sources. */
export function forgetStaleRuntime(sources) {
  return [
    'def _lab_forget_stale(digest, names):',
    '    import sys',
    `    marker = sys.modules.pop(${JSON.stringify(MARKER)}, None)`,
    "    if marker is not None and getattr(marker, 'digest', None) != digest:",
    '        for name in names:',
    '            sys.modules.pop(name, None)',
    `_lab_forget_stale(${JSON.stringify(runtimeDigest(sources))}, ${JSON.stringify(runtimeOwnModules(sources))})`,
    'del _lab_forget_stale',
  ].join('\n');
}
