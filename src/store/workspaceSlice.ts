import type { StateCreator } from 'zustand';
import type { LabState } from './labStore';
import {
  defaultWorkspace,
  type FunctionDraft,
  newLayerDraft,
  type TriggerSpec,
  type WorkspaceDoc,
} from './workspaceDoc';

/** Settings of a draft that `patchFunction` may replace (files, events, env and triggers have their own). */
export type FunctionSettingsPatch = Partial<
  Omit<FunctionDraft, 'files' | 'events' | 'activeEvent' | 'activeFile' | 'environment' | 'triggers'>
>;

/** Why the last deploy was refused, and which field it belongs to (see controller/deployFields). */
export interface DeployFailure {
  readonly functionName: string;
  readonly field: string;
  readonly message: string;
}

export interface WorkspaceSlice {
  readonly workspace: WorkspaceDoc;
  /** The workspace before the last wholesale change (loading an exercise, an import), for Undo. */
  readonly previousWorkspace: WorkspaceDoc | null;
  /** The last refused deploy (not saved): shown beside the field it names until the next deploy. */
  readonly deployError: DeployFailure | null;
  setFileText(path: string, text: string): void;
  setEventText(name: string, text: string): void;
  setActiveFunction(name: string): void;
  setActiveFile(path: string): void;
  /** Replaces the whole workspace (an import, an exercise's starter): all or nothing, undoable. */
  replaceWorkspace(workspace: WorkspaceDoc): void;
  undoReplace(): void;
  /** Changes configuration fields of the active function's draft (applied to the world on Deploy/Test). */
  patchFunction(patch: FunctionSettingsPatch): void;
  /** Adds, renames (`previousKey`) or changes one environment variable, keeping the order. */
  setEnvVar(previousKey: string | null, key: string, value: string): void;
  removeEnvVar(key: string): void;
  addTrigger(trigger: TriggerSpec): void;
  /** Replaces the trigger with the same id. */
  updateTrigger(trigger: TriggerSpec): void;
  removeTrigger(id: string): void;
  /** A new workspace layer (no-op when the name is taken). */
  addLayer(name: string, files?: Readonly<Record<string, string>>): void;
  setLayerFile(layer: string, path: string, text: string): void;
  removeLayerFile(layer: string, path: string): void;
  /** Removes a workspace layer and every function's reference to it. */
  removeLayer(name: string): void;
  setDeployError(failure: DeployFailure | null): void;
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

const updateLayers = (
  state: LabState,
  change: (layers: WorkspaceDoc['layers']) => WorkspaceDoc['layers'],
): Partial<LabState> => ({ workspace: { ...state.workspace, layers: change(state.workspace.layers) } });

/** Rebuilds the variables in order, replacing `previousKey` (or appending) with `key`. */
function withEnvVar(
  vars: Readonly<Record<string, string>>,
  previousKey: string | null,
  key: string,
  value: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  let placed = false;
  for (const [k, v] of Object.entries(vars)) {
    if (k === previousKey || k === key) {
      if (!placed) out[key] = value;
      placed = true;
    } else out[k] = v;
  }
  if (!placed) out[key] = value;
  return out;
}

export const createWorkspaceSlice: StateCreator<LabState, [], [], WorkspaceSlice> = (set) => ({
  workspace: defaultWorkspace(),
  deployError: null,
  setFileText: (path, text) =>
    set((s) => updateActive(s, (fn) => ({ ...fn, files: { ...fn.files, [path]: text } }))),
  setEventText: (name, text) =>
    set((s) => updateActive(s, (fn) => ({ ...fn, events: { ...fn.events, [name]: text } }))),
  previousWorkspace: null,
  setActiveFunction: (name) =>
    set((s) => (s.workspace.functions[name] ? { workspace: { ...s.workspace, activeFunction: name } } : {})),
  setActiveFile: (path) =>
    set((s) => updateActive(s, (fn) => (fn.files[path] === undefined ? fn : { ...fn, activeFile: path }))),
  replaceWorkspace: (workspace) =>
    set((s) => ({ workspace, previousWorkspace: s.workspace, deployError: null })),
  undoReplace: () =>
    set((s) =>
      s.previousWorkspace
        ? { workspace: s.previousWorkspace, previousWorkspace: null, deployError: null }
        : {},
    ),
  patchFunction: (patch) => set((s) => updateActive(s, (fn) => ({ ...fn, ...patch }))),
  setEnvVar: (previousKey, key, value) =>
    set((s) =>
      updateActive(s, (fn) => ({ ...fn, environment: withEnvVar(fn.environment, previousKey, key, value) })),
    ),
  removeEnvVar: (key) =>
    set((s) =>
      updateActive(s, (fn) => ({
        ...fn,
        environment: Object.fromEntries(Object.entries(fn.environment).filter(([k]) => k !== key)),
      })),
    ),
  addTrigger: (trigger) =>
    set((s) =>
      updateActive(s, (fn) =>
        fn.triggers.some((t) => t.id === trigger.id) ? fn : { ...fn, triggers: [...fn.triggers, trigger] },
      ),
    ),
  updateTrigger: (trigger) =>
    set((s) =>
      updateActive(s, (fn) => ({
        ...fn,
        triggers: fn.triggers.map((t) => (t.id === trigger.id ? trigger : t)),
      })),
    ),
  removeTrigger: (id) =>
    set((s) => updateActive(s, (fn) => ({ ...fn, triggers: fn.triggers.filter((t) => t.id !== id) }))),
  addLayer: (name, files = {}) =>
    set((s) =>
      s.workspace.layers[name] ? {} : updateLayers(s, (l) => ({ ...l, [name]: newLayerDraft({ ...files }) })),
    ),
  setLayerFile: (layer, path, text) =>
    set((s) => {
      const current = s.workspace.layers[layer];
      if (!current) return {};
      return updateLayers(s, (l) => ({
        ...l,
        [layer]: { ...current, files: { ...current.files, [path]: text } },
      }));
    }),
  removeLayerFile: (layer, path) =>
    set((s) => {
      const current = s.workspace.layers[layer];
      if (!current) return {};
      const files = Object.fromEntries(Object.entries(current.files).filter(([p]) => p !== path));
      return updateLayers(s, (l) => ({ ...l, [layer]: { ...current, files } }));
    }),
  removeLayer: (name) =>
    set((s) => {
      const functions = Object.fromEntries(
        Object.entries(s.workspace.functions).map(([n, fn]) => [
          n,
          fn.layers.includes(name) ? { ...fn, layers: fn.layers.filter((l) => l !== name) } : fn,
        ]),
      );
      const layers = Object.fromEntries(Object.entries(s.workspace.layers).filter(([n]) => n !== name));
      return { workspace: { ...s.workspace, functions, layers } };
    }),
  setDeployError: (deployError) => set({ deployError }),
});
