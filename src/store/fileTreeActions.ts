/**
 * The files of a function's /var/task: add, rename and delete as pure functions over a FunctionDraft (each
 * either returns the whole new draft or a reason, never half a change), and their application to the active
 * function in the store. Folders are not stored: `pkg/util.py` implies the folder `pkg`.
 */
import { useLabStore } from './labStore';
import type { FunctionDraft } from './workspaceDoc';

export type FileChange =
  | { readonly ok: true; readonly draft: FunctionDraft; readonly warning?: string }
  | { readonly ok: false; readonly error: string; readonly needsConfirm?: boolean };

const MAX_PATH = 200;
const SEGMENT = /^[A-Za-z0-9_.-]+$/;

/** Modules a learner's file would hide from every import in the function (/var/task comes first). */
const SHADOWED = new Set([
  'json',
  'os',
  'sys',
  'time',
  'logging',
  'random',
  're',
  'datetime',
  'math',
  'typing',
  'collections',
  'uuid',
  'base64',
  'decimal',
  'boto3',
  'botocore',
]);

/** The file a handler setting names (`pkg.app.handler` -> `pkg/app.py`), or null when it is malformed. */
export function handlerFile(handler: string): string | null {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return null;
  return `${handler.slice(0, dot).replaceAll('.', '/')}.py`;
}

/** The handler's module as it exists in the draft: `app.py`, or a package's `app/__init__.py`. */
export function existingHandlerFile(draft: FunctionDraft): string | null {
  const file = handlerFile(draft.handler);
  if (!file) return null;
  if (draft.files[file] !== undefined) return file;
  const init = `${file.slice(0, -'.py'.length)}/__init__.py`;
  return draft.files[init] !== undefined ? init : null;
}

const underFolder = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** Every file a path stands for: the file itself, or everything under the folder of that name. */
export function filesAt(draft: FunctionDraft, path: string): string[] {
  if (draft.files[path] !== undefined) return [path];
  return Object.keys(draft.files).filter((p) => underFolder(p, path));
}

/** Why `path` cannot be a new file among `existing` (ignoring the paths in `leaving`), or null. */
export function pathProblem(
  path: string,
  existing: readonly string[],
  leaving: ReadonlySet<string> = new Set(),
): string | null {
  if (path.trim() === '') return 'Enter a file name, such as util.py or pkg/util.py.';
  if (path !== path.trim()) return 'Remove the spaces at the start or end of the name.';
  if (path.startsWith('/')) return 'Paths are inside /var/task: write pkg/util.py, not /pkg/util.py.';
  if (path.includes('\\')) return 'Separate folders with / (pkg/util.py).';
  if (path.length > MAX_PATH) return `Keep the path under ${MAX_PATH} characters.`;
  const segments = path.split('/');
  if (segments.some((s) => s === '')) return 'A folder or file name is empty: look for // or a trailing /.';
  if (segments.some((s) => s === '.' || s === '..'))
    return '. and .. are not allowed: files stay in /var/task.';
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined)
    return `"${bad}" has a character Lambda Lab does not allow: use letters, digits, _ - and .`;
  const others = existing.filter((p) => !leaving.has(p));
  if (others.includes(path)) return `${path} already exists.`;
  if (others.some((p) => underFolder(p, path))) return `${path} is already a folder.`;
  for (let i = 1; i < segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    if (others.includes(prefix)) return `${prefix} is a file, so it cannot also be a folder.`;
  }
  return null;
}

/** Advice that does not block: a module name Python cannot import, or one that hides a library. */
export function pathAdvice(path: string): string | null {
  if (!path.endsWith('.py')) return null;
  const segments = path.slice(0, -'.py'.length).split('/');
  const stem = segments[segments.length - 1] ?? '';
  if (segments.some((s) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)))
    return `Python cannot import ${path} by that name: module and folder names use letters, digits and _, and do not start with a digit.`;
  if (segments.length === 1 && SHADOWED.has(stem))
    return `${path} hides the ${stem} module: every "import ${stem}" in this function would load your file instead.`;
  return null;
}

export function addFile(draft: FunctionDraft, path: string, text = ''): FileChange {
  const problem = pathProblem(path, Object.keys(draft.files));
  if (problem) return { ok: false, error: problem };
  const advice = pathAdvice(path);
  return {
    ok: true,
    draft: { ...draft, files: { ...draft.files, [path]: text }, activeFile: path },
    ...(advice ? { warning: advice } : {}),
  };
}

/** Renames a file, or a folder with everything in it; the open file follows its new name. */
export function renamePath(draft: FunctionDraft, from: string, to: string): FileChange {
  const moving = filesAt(draft, from);
  if (moving.length === 0) return { ok: false, error: `${from} does not exist.` };
  if (to === from) return { ok: false, error: 'The new name is the same as the old one.' };
  const isFolder = draft.files[from] === undefined;
  if (isFolder && underFolder(to, from)) return { ok: false, error: `${from} cannot move inside itself.` };
  const leaving = new Set(moving);
  const renamed = (p: string) => (isFolder ? `${to}${p.slice(from.length)}` : to);
  for (const path of moving) {
    const problem = pathProblem(renamed(path), Object.keys(draft.files), leaving);
    if (problem) return { ok: false, error: problem };
  }
  // Rebuilt in the original order, so the tree and the saved workspace do not reshuffle.
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(draft.files))
    files[leaving.has(path) ? renamed(path) : path] = text;
  const next: FunctionDraft = {
    ...draft,
    files,
    activeFile: leaving.has(draft.activeFile) ? renamed(draft.activeFile) : draft.activeFile,
  };
  const handler = existingHandlerFile(draft);
  const lostHandler = handler !== null && leaving.has(handler) && existingHandlerFile(next) === null;
  const warning = lostHandler
    ? `The handler setting ${draft.handler} still names ${handler}: every invoke will fail with Runtime.ImportModuleError until you rename it back or change the handler.`
    : pathAdvice(isFolder ? renamed(moving[0] ?? to) : to);
  return { ok: true, draft: next, ...(warning ? { warning } : {}) };
}

/** What deleting `path` would remove, for the confirmation. */
export function deletePlan(draft: FunctionDraft, path: string): { files: string[]; removesHandler: boolean } {
  const files = filesAt(draft, path);
  const handler = existingHandlerFile(draft);
  return { files, removesHandler: handler !== null && files.includes(handler) };
}

/**
 * Deletes a file or a folder. Removing the handler's own file needs `handlerConfirmed`: without it the
 * answer is a refusal that asks for confirmation, so it can never happen by accident.
 */
export function deletePath(draft: FunctionDraft, path: string, handlerConfirmed = false): FileChange {
  const { files, removesHandler } = deletePlan(draft, path);
  if (files.length === 0) return { ok: false, error: `${path} does not exist.` };
  if (files.length === Object.keys(draft.files).length)
    return { ok: false, error: 'A function needs at least one file: add another before deleting this one.' };
  if (removesHandler && !handlerConfirmed)
    return {
      ok: false,
      needsConfirm: true,
      error: `${path} holds the handler (${draft.handler}). Without it every invoke fails with Runtime.ImportModuleError.`,
    };
  const gone = new Set(files);
  const kept = Object.fromEntries(Object.entries(draft.files).filter(([p]) => !gone.has(p)));
  const fallback = existingHandlerFile({ ...draft, files: kept }) ?? Object.keys(kept)[0] ?? '';
  return {
    ok: true,
    draft: { ...draft, files: kept, activeFile: gone.has(draft.activeFile) ? fallback : draft.activeFile },
  };
}

export interface TreeFolder {
  readonly kind: 'folder';
  readonly name: string;
  readonly path: string;
  readonly children: readonly TreeNode[];
}
export interface TreeFile {
  readonly kind: 'file';
  readonly name: string;
  readonly path: string;
}
export type TreeNode = TreeFolder | TreeFile;

/** The folder tree the paths imply: folders first, then files, each alphabetical. */
export function buildTree(paths: readonly string[], prefix = ''): TreeNode[] {
  const folders = new Map<string, string[]>();
  const files: TreeFile[] = [];
  for (const path of paths) {
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) files.push({ kind: 'file', name: rest, path });
    else {
      const name = rest.slice(0, slash);
      folders.set(name, [...(folders.get(name) ?? []), path]);
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const folderNodes: TreeFolder[] = [...folders].map(([name, inside]) => ({
    kind: 'folder',
    name,
    path: `${prefix}${name}`,
    children: buildTree(inside, `${prefix}${name}/`),
  }));
  return [...folderNodes.sort(byName), ...files.sort(byName)];
}

/** Applies a change to the active function; the store is untouched when the change is refused. */
export function changeActiveFunction(change: (draft: FunctionDraft) => FileChange): FileChange {
  const { workspace } = useLabStore.getState();
  const name = workspace.activeFunction;
  const draft = workspace.functions[name];
  if (!draft) return { ok: false, error: `The workspace has no function "${name}".` };
  const result = change(draft);
  if (result.ok) {
    useLabStore.setState((s) => ({
      workspace: { ...s.workspace, functions: { ...s.workspace.functions, [name]: result.draft } },
    }));
  }
  return result;
}
