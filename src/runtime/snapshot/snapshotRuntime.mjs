// The lab's Python runtime inside the memory snapshot, in plain JavaScript so that the snapshot builder
// (scripts/makeSnapshot.mjs, plain Node), the browser worker and the Node worker share one definition.
// The snapshot carries the runtime's modules already executed, privately (inside the sandbox module, never
// in sys.modules), marked with a digest of their sources; the engine starts that copy when the digest
// matches its sources and executes the files afresh otherwise.

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

/** The module the snapshot builder leaves in sys.modules: the digest of the sources and the loaded sandbox. */
export const MARKER = '_lambda_lab_snapshot';

/**
 * Python that leaves `sandbox`: the private runtime a snapshot holds when it was loaded from sources with
 * this digest, or else lambda_lab_sandbox.py executed afresh with builtins of its own, outside sys.modules.
 * Either way the marker leaves sys.modules before any handler code runs.
 */
export function sandboxPython(digest) {
  return [
    'import builtins, sys, types',
    `_marker = sys.modules.pop(${JSON.stringify(MARKER)}, None)`,
    `sandbox = getattr(_marker, "sandbox", None) if getattr(_marker, "digest", None) == ${JSON.stringify(digest)} else None`,
    'del _marker',
    'if sandbox is None:',
    `    path = ${JSON.stringify(`${RUNTIME_DIR}/lambda_lab_sandbox.py`)}`,
    '    sandbox = types.ModuleType("lambda_lab_sandbox")',
    '    sandbox.__builtins__ = dict(builtins.__dict__)',
    '    exec(compile(open(path).read(), path, "exec"), sandbox.__dict__)',
  ].join('\n');
}
