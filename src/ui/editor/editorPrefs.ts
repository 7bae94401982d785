/**
 * The editor's per-browser preferences (screen-reader mode, whether the file tree is shown), kept apart
 * from the workspace like the panel layout, and shared live between the toggles and every open editor.
 */
import { useSyncExternalStore } from 'react';

export const A11Y_KEY = 'lambda-lab.editor.a11y';
export const FILES_KEY = 'lambda-lab.editor.files';

export interface EditorPrefs {
  /** Monaco's screen-reader mode (`accessibilitySupport: 'on'`). */
  readonly screenReader: boolean;
  /** Undefined until the learner chooses: then the tree shows only when the function has several files. */
  readonly filesHidden: boolean | undefined;
}

/** Whether the file tree is hidden for a function with `fileCount` files. */
export function treeHidden(prefs: EditorPrefs, fileCount: number): boolean {
  return prefs.filesHidden ?? fileCount <= 1;
}

const storedTree = (value: string | null): boolean | undefined =>
  value === 'hidden' ? true : value === 'shown' ? false : undefined;

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // A full or blocked storage only forgets the preference; it still applies until the page reloads.
  }
}

let prefs: EditorPrefs = { screenReader: read(A11Y_KEY) === 'on', filesHidden: storedTree(read(FILES_KEY)) };
const listeners = new Set<() => void>();

export function editorPrefs(): EditorPrefs {
  return prefs;
}

export function setEditorPrefs(patch: Partial<EditorPrefs>): void {
  prefs = { ...prefs, ...patch };
  if (patch.screenReader !== undefined) write(A11Y_KEY, patch.screenReader ? 'on' : 'off');
  if (patch.filesHidden !== undefined) write(FILES_KEY, patch.filesHidden ? 'hidden' : 'shown');
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useEditorPrefs(): EditorPrefs {
  return useSyncExternalStore(subscribe, editorPrefs, editorPrefs);
}
