import type { StateCreator } from 'zustand';
import type { LabState } from './labStore';
import { defaultWorkspace, type FunctionDraft, type WorkspaceDoc } from './workspaceDoc';

export interface WorkspaceSlice {
  readonly workspace: WorkspaceDoc;
  setFileText(path: string, text: string): void;
  setEventText(name: string, text: string): void;
  /** Replaces the whole workspace (an import): all or nothing. */
  replaceWorkspace(workspace: WorkspaceDoc): void;
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
  replaceWorkspace: (workspace) => set({ workspace }),
});
