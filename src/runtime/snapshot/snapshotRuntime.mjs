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

// Digests by sources object: the browser worker takes its digest while its downloads run (about 16 ms
// of hashing on a cold JIT), and the engine's own call then finds it.
const digests = new WeakMap();

/** A 64-bit digest of the runtime's sources, as hex. */
export function runtimeDigest(sources) {
  const known = digests.get(sources);
  if (known) return known;
  const digest = digest64Hex(
    normalized(sources)
      .map(([name, text]) => `${name}\u0000${text}\u0000`)
      .join(''),
  );
  digests.set(sources, digest);
  return digest;
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

// About half of Pyodide's 30 MiB memory image is zero pages: the file leaves them out (4 KiB pages).
const SPARSE_MAGIC = 0x50534c4c; // "LLSP", little-endian
const PAGE = 4096;

/** The snapshot without its zero pages: [magic, full length, run count, (offset, length) per run] then the runs. */
export function sparseSnapshot(bytes) {
  const runs = [];
  for (let at = 0; at < bytes.length; at += PAGE) {
    const end = Math.min(at + PAGE, bytes.length);
    let zero = true;
    for (let i = at; i < end && zero; i++) zero = bytes[i] === 0;
    if (zero) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === at) last[1] += end - at;
    else runs.push([at, end - at]);
  }
  const header = 12 + 8 * runs.length;
  const out = new Uint8Array(header + runs.reduce((sum, [, length]) => sum + length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, SPARSE_MAGIC, true);
  view.setUint32(4, bytes.length, true);
  view.setUint32(8, runs.length, true);
  let data = header;
  runs.forEach(([offset, length], i) => {
    view.setUint32(12 + 8 * i, offset, true);
    view.setUint32(16 + 8 * i, length, true);
    out.set(bytes.subarray(offset, offset + length), data);
    data += length;
  });
  return out;
}

/** The full memory image from sparseSnapshot's form; bytes in any other form come back as they are. */
export function expandSnapshot(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0, true) !== SPARSE_MAGIC) return bytes;
  const out = new Uint8Array(view.getUint32(4, true));
  const count = view.getUint32(8, true);
  let data = 12 + 8 * count;
  for (let i = 0; i < count; i++) {
    const offset = view.getUint32(12 + 8 * i, true);
    const length = view.getUint32(16 + 8 * i, true);
    out.set(bytes.subarray(data, data + length), offset);
    data += length;
  }
  return out;
}

/**
 * expandSnapshot as the bytes arrive: push() each chunk, finish() for the image. A sparse file's runs go
 * straight to their place in the image, so neither the whole file nor a second copy is ever held; a file
 * in any other form is gathered and answered as it is. For a sparse file, `image()` hands out the image as
 * soon as the header is in (its size known, its runs still landing), so the interpreter can be set up
 * beside the rest of the download; it is null until then, and for a file in any other form.
 */
export function createSnapshotExpander() {
  let head = new Uint8Array(0); // the header so far (its length is known after 12 bytes)
  let out = null;
  let runs = null; // [offset, length] per run, once the header is complete
  let run = 0;
  let within = 0;
  let plain = null; // chunks of a file that is not sparse
  const take = (chunk) => {
    let at = 0;
    while (at < chunk.length && run < runs.length) {
      const [offset, length] = runs[run];
      const n = Math.min(length - within, chunk.length - at);
      out.set(chunk.subarray(at, at + n), offset + within);
      at += n;
      within += n;
      if (within === length) {
        run += 1;
        within = 0;
      }
    }
  };
  const readHeader = () => {
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    if (view.getUint32(0, true) !== SPARSE_MAGIC) {
      plain = [head];
      return;
    }
    const count = view.getUint32(8, true);
    const size = 12 + 8 * count;
    if (head.length < size) return;
    out = new Uint8Array(view.getUint32(4, true));
    runs = Array.from({ length: count }, (_, i) => [
      view.getUint32(12 + 8 * i, true),
      view.getUint32(16 + 8 * i, true),
    ]);
    const rest = head.subarray(size);
    head = null;
    take(rest);
  };
  return {
    image: () => out,
    push(chunk) {
      if (plain) plain.push(chunk);
      else if (runs) take(chunk);
      else {
        const joined = new Uint8Array(head.length + chunk.length);
        joined.set(head);
        joined.set(chunk, head.length);
        head = joined;
        if (head.length >= 12) readHeader();
      }
    },
    finish() {
      if (runs) {
        if (run < runs.length) throw new Error('The snapshot file ended early.');
        return out;
      }
      return joinChunks(plain ?? [head]);
    },
  };
}

/** Chunks as one array (the chunk itself when there is one). */
export function joinChunks(chunks) {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
