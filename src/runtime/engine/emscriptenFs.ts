/**
 * The slice of Emscripten's FS that the engine uses, typed, plus two guards installed on it: read-only
 * directory trees (/var/task and /opt answer EROFS to writes) and size-limited ones (an environment's /tmp
 * answers ENOSPC past its ephemeral storage). Both are keyed by directory *node*, so they follow the
 * directories when the runtime renames them into place.
 */

export interface FsNode {
  readonly name: string;
  readonly mode: number;
  readonly parent: FsNode;
  readonly contents: unknown;
  readonly usedBytes?: number;
}

interface FsStream {
  readonly node: FsNode;
  readonly position: number;
  readonly flags: number;
}

export interface EmscriptenFs {
  mkdirTree(path: string): void;
  writeFile(path: string, data: string): void;
  readdir(path: string): string[];
  lstat(path: string): { mode: number };
  isDir(mode: number): boolean;
  unlink(path: string): void;
  rmdir(path: string): void;
  lookupPath(path: string): { node: FsNode };
  write(
    ...args: [FsStream, ArrayBufferView, number, number, number | undefined, boolean | undefined]
  ): number;
  mayOpen(node: FsNode, flags: number): number;
  mayCreate(dir: FsNode, name: string): number;
  mayDelete(dir: FsNode, name: string, isDir: boolean): number;
  mayLookup(dir: FsNode): number;
  ErrnoError: new (errno: number) => Error;
}

const REQUIRED = ['mkdirTree', 'writeFile', 'readdir', 'lstat', 'isDir', 'unlink', 'rmdir', 'lookupPath'];
const HOOKED = ['write', 'mayOpen', 'mayCreate', 'mayDelete', 'mayLookup', 'ErrnoError'];

/** Narrows Pyodide's FS object (typed loosely by pyodide.d.ts) to the members used here. */
export function asEmscriptenFs(value: unknown): EmscriptenFs {
  if (typeof value !== 'object' || value === null) throw new Error('Pyodide FS is missing');
  for (const key of [...REQUIRED, ...HOOKED]) {
    if (typeof Reflect.get(value, key) !== 'function') throw new Error(`Pyodide FS has no ${key}()`);
  }
  return value as EmscriptenFs;
}

// Emscripten's errno values (musl/WASI numbering, not Linux's).
const EROFS = 69;
const ENOSPC = 51;
const EACCES = 2;
const O_ACCMODE = 3;
const O_TRUNC = 512;
const O_APPEND = 1024;

export interface FsGuards {
  markReadOnly(node: FsNode): void;
  unmarkReadOnly(node: FsNode): void;
  limitSize(node: FsNode, bytes: number): void;
  unlimitSize(node: FsNode): void;
  usedBytes(node: FsNode): number;
  /** While locked, no path can pass through this folder (a stat of the folder itself still works). */
  hideTree(node: FsNode): void;
  setLocked(on: boolean): void;
  /** Runs the engine's own file work while the lock is on. */
  trusted<T>(run: () => T): T;
}

export function installFsGuards(fs: EmscriptenFs): FsGuards {
  const readOnly = new Set<FsNode>();
  const limits = new Map<FsNode, number>();

  const findRoot = <T>(
    start: FsNode,
    roots: ReadonlySet<FsNode> | ReadonlyMap<FsNode, T>,
  ): FsNode | undefined => {
    let node = start;
    for (;;) {
      if (roots.has(node)) return node;
      if (node.parent === node || node.parent === undefined) return undefined;
      node = node.parent;
    }
  };

  const treeBytes = (node: FsNode): number => {
    if (!fs.isDir(node.mode)) return node.usedBytes ?? 0;
    const children = node.contents;
    if (typeof children !== 'object' || children === null) return 0;
    let total = 0;
    for (const child of Object.values(children as Record<string, FsNode>)) total += treeBytes(child);
    return total;
  };

  const hidden = new Set<FsNode>();
  let locked = false;
  let trustedDepth = 0;

  const { write, mayOpen, mayCreate, mayDelete, mayLookup } = fs;
  fs.mayLookup = (dir) => {
    if (locked && trustedDepth === 0 && hidden.has(dir)) return EACCES;
    return mayLookup.call(fs, dir);
  };
  fs.mayOpen = (node, flags) => {
    const writes = (flags & O_ACCMODE) !== 0 || (flags & O_TRUNC) !== 0;
    if (writes && readOnly.size > 0 && findRoot(node, readOnly)) return EROFS;
    return mayOpen.call(fs, node, flags);
  };
  fs.mayCreate = (dir, name) => {
    if (readOnly.size > 0 && findRoot(dir, readOnly)) return EROFS;
    return mayCreate.call(fs, dir, name);
  };
  fs.mayDelete = (dir, name, isDir) => {
    if (readOnly.size > 0 && findRoot(dir, readOnly)) return EROFS;
    return mayDelete.call(fs, dir, name, isDir);
  };
  fs.write = (stream, buffer, offset, length, position, canOwn) => {
    const root = limits.size > 0 ? findRoot(stream.node, limits) : undefined;
    if (root !== undefined) {
      const start =
        (stream.flags & O_APPEND) !== 0 ? (stream.node.usedBytes ?? 0) : (position ?? stream.position);
      const growth = start + length - (stream.node.usedBytes ?? 0);
      // Growth only: overwriting bytes in place never runs out of space.
      if (growth > 0 && treeBytes(root) + growth > (limits.get(root) ?? 0)) throw new fs.ErrnoError(ENOSPC);
    }
    return write.call(fs, stream, buffer, offset, length, position, canOwn);
  };

  return {
    markReadOnly: (node) => void readOnly.add(node),
    unmarkReadOnly: (node) => void readOnly.delete(node),
    limitSize: (node, bytes) => void limits.set(node, bytes),
    unlimitSize: (node) => void limits.delete(node),
    usedBytes: treeBytes,
    hideTree: (node) => void hidden.add(node),
    setLocked: (on) => {
      locked = on;
    },
    trusted: (run) => {
      trustedDepth += 1;
      try {
        return run();
      } finally {
        trustedDepth -= 1;
      }
    },
  };
}

/** Writes a file tree under root, creating folders; paths must stay inside root. */
export function writeTree(fs: EmscriptenFs, root: string, files: Readonly<Record<string, string>>): void {
  fs.mkdirTree(root);
  for (const [relative, text] of Object.entries(files)) {
    const parts = relative.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.length === 0 || parts.includes('..'))
      throw new Error(`Bad file path in function code: ${relative}`);
    const path = `${root}/${parts.join('/')}`;
    fs.mkdirTree(path.slice(0, path.lastIndexOf('/')));
    fs.writeFile(path, text);
  }
}

export function removeTree(fs: EmscriptenFs, path: string): void {
  if (!fs.isDir(fs.lstat(path).mode)) {
    fs.unlink(path);
    return;
  }
  for (const name of fs.readdir(path)) {
    if (name !== '.' && name !== '..') removeTree(fs, `${path}/${name}`);
  }
  fs.rmdir(path);
}
