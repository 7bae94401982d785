import type { StateCreator } from 'zustand';
import type { LabState } from './labStore';
import { defaultWorkspace, type FunctionDraft, type WorkspaceDoc } from './workspaceDoc';

export interface WorkspaceSlice {
  readonly workspace: WorkspaceDoc;
  /** The workspace before the last wholesale change (loading an exercise, an import), for Undo. */
  readonly previousWorkspace: WorkspaceDoc | null;
  setFileText(path: string, text: string): void;
  setEventText(name: string, text: string): void;
  setActiveFunction(name: string): void;
  setActiveFile(path: string): void;
  /** Replaces the whole workspace (an import, an exercise's starter): all or nothing, undoable. */
  replaceWorkspace(workspace: WorkspaceDoc): void;
  undoReplace(): void;
}

/** The function the learner is working on. */
export const selectActiveFunction = (s: Pick<LabState, 'workspace'>): FunctionDraft => {
  const fn = s.workspace.functions[s.workspace.activeFunction];
  if (!fn) throw new Error(`The workspace has no function "${s.workspace.activeFunction}"`);
  return fn;
};

const updateActive = (state: LabState, change: (fn: FunctionDraft) => FunctionDraft): Partial<LabState> => {
  const name = state.workspace.activeFunction;
  const fn = selectActiveFunction(state);
  return {
    workspace: { ...state.workspace, functions: { ...state.workspace.functions, [name]: change(fn) } },
  };
};

export const createWorkspaceSlice: StateCreator<LabState, [], [], WorkspaceSlice> = (set) => ({
  workspace: defaultWorkspace(),
  setFileText: (path, text) =>
    set((s) => updateActive(s, (fn) => ({ ...fn, files: { ...fn.files, [path]: text } }))),
  setEventText: (name, text) =>
    set((s) => updateActive(s, (fn) => ({ ...fn, events: { ...fn.events, [name]: text } }))),
  previousWorkspace: null,
  setActiveFunction: (name) =>
    set((s) => (s.workspace.functions[name] ? { workspace: { ...s.workspace, activeFunction: name } } : {})),
  setActiveFile: (path) =>
    set((s) => updateActive(s, (fn) => (fn.files[path] === undefined ? fn : { ...fn, activeFile: path }))),
  replaceWorkspace: (workspace) => set((s) => ({ workspace, previousWorkspace: s.workspace })),
  undoReplace: () =>
    set((s) => (s.previousWorkspace ? { workspace: s.previousWorkspace, previousWorkspace: null } : {})),
});
