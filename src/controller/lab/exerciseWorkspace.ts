/**
 * Between course content and the workspace. An exercise's starter (or solution) becomes a workspace: one
 * function draft per function the learner edits, configured as its world declares, with the role's inline
 * policy in the role editor and layer files in the workspace's layers. And back: the learner's workspace
 * becomes the files and settings the exercise's hidden checks run against.
 */
import type { Workspace } from '../../host/scenario/buildWorld';
import type { FunctionSpec, WorldSpec } from '../../host/scenario/world';
import type { ExerciseContent } from '../../lessons/course';
import type { FunctionConfig } from '../../lessons/schema';
import { defaultSettings } from '../../store/draftSchema';
import {
  type FunctionDraft,
  type LayerDraft,
  newFunctionDraft,
  WORKSPACE_VERSION,
  type WorkspaceDoc,
} from '../../store/workspaceDoc';
import { exerciseEvents, worldEvents } from './matchingEvents';

export interface ExerciseWorkspace {
  readonly workspace: WorkspaceDoc;
  /** Files the workspace cannot hold (none since format 3: policies and layers have editors). */
  readonly other: Readonly<Record<string, string>>;
}

/** A draft of one world function: its files, settings (overridden by `settings`) and execution role. */
export function worldFunctionDraft(
  world: WorldSpec,
  fn: FunctionSpec,
  files: Readonly<Record<string, string>>,
  settings: FunctionConfig = {},
  inlinePolicyText: (role: string) => string | undefined = () => undefined,
): FunctionDraft {
  const role = world.roles.find((r) => r.name === fn.role);
  const inline =
    role?.inlinePolicy === 'workspace'
      ? (inlinePolicyText(role.name) ?? '')
      : role?.inlinePolicy
        ? `${JSON.stringify(role.inlinePolicy, null, 2)}\n`
        : '';
  const a = fn.async;
  const first = Object.keys(files)[0] ?? 'lambda_function.py';
  const defaults = defaultSettings();
  return {
    ...newFunctionDraft(),
    ...withEvents(worldEvents(world, fn.name)),
    files: { ...files },
    handler: fn.handler,
    runtime: fn.runtime,
    memorySize: settings.memoryMb ?? fn.memoryMb ?? 128,
    timeout: settings.timeoutS ?? fn.timeoutS ?? 3,
    ephemeralStorage: settings.ephemeralStorageMb ?? fn.ephemeralStorageMb ?? 512,
    environment: { ...(fn.env ?? {}), ...(settings.env ?? {}) },
    activeFile: files['lambda_function.py'] !== undefined ? 'lambda_function.py' : first,
    reservedConcurrency:
      settings.reservedConcurrency === undefined
        ? (fn.reservedConcurrency ?? null)
        : settings.reservedConcurrency,
    provisionedConcurrency: settings.provisionedConcurrency ?? fn.provisionedConcurrency ?? 0,
    layers: [...(settings.layers ?? fn.layers ?? [])],
    role: { name: fn.role, managedPolicies: [...(role?.managedPolicies ?? [])], inlinePolicy: inline },
    destinations: a
      ? {
          onSuccess: a.onSuccess ? { kind: 'sqs', name: a.onSuccess } : null,
          onFailure: a.onFailure ? { kind: 'sqs', name: a.onFailure } : null,
          maximumRetryAttempts: a.maximumRetryAttempts ?? defaults.destinations.maximumRetryAttempts,
          maximumEventAgeS: a.maximumEventAgeS ?? defaults.destinations.maximumEventAgeS,
        }
      : defaults.destinations,
  };
}

/** Saved test events and the one selected; nothing (the default event) when there are none. */
function withEvents(events: Record<string, string>): Partial<FunctionDraft> {
  const first = Object.keys(events)[0];
  return first === undefined ? {} : { events, activeEvent: first };
}

/** A world's layers as workspace layers; `files(layer)` gives each one's files. */
export function worldLayers(
  world: WorldSpec,
  files: (layer: NonNullable<WorldSpec['layers']>[number]) => Record<string, string>,
): Record<string, LayerDraft> {
  const out: Record<string, LayerDraft> = {};
  for (const layer of world.layers ?? [])
    out[layer.name] = { files: files(layer), compatibleRuntimes: [...(layer.compatibleRuntimes ?? [])] };
  return out;
}

export function exerciseWorkspace(
  exercise: ExerciseContent,
  which: 'starter' | 'solution' = 'starter',
): ExerciseWorkspace {
  const texts = which === 'starter' ? exercise.starter : exercise.solution;
  const world = exercise.spec.world;
  const config = exercise.spec.config?.[which] ?? {};
  const mapped = (key: 'function' | 'layer' | 'rolePolicy', name: string) => {
    const out: Record<string, string> = {};
    for (const file of exercise.spec.files)
      if (key in file && (file as Record<string, unknown>)[key] === name)
        out[file.path] = texts[file.path] ?? '';
    return out;
  };
  const policyText = (role: string) => Object.values(mapped('rolePolicy', role))[0];
  // A check without `function:` targets the function of the first workspace file (invokeCheck.ts).
  const firstFunction = exercise.spec.files.flatMap((f) => ('function' in f ? [f.function] : []))[0] ?? '';
  const functions: Record<string, FunctionDraft> = {};
  for (const file of exercise.spec.files) {
    if (!('function' in file) || functions[file.function]) continue;
    const fn = world.functions.find((f) => f.name === file.function);
    if (!fn) throw new Error(`Exercise ${exercise.id}: ${file.path} belongs to no world function.`);
    const draft = worldFunctionDraft(world, fn, mapped('function', fn.name), config[fn.name], policyText);
    const events = exerciseEvents(exercise, world, fn.name, firstFunction);
    functions[fn.name] = { ...draft, ...withEvents(events), activeFile: file.path };
  }
  const first = Object.keys(functions)[0];
  if (first === undefined) throw new Error(`Exercise ${exercise.id} has no function files to edit.`);
  const layers = worldLayers(world, (l) => (l.code === 'workspace' ? mapped('layer', l.name) : {}));
  return { workspace: { version: WORKSPACE_VERSION, functions, activeFunction: first, layers }, other: {} };
}

/** The learner's workspace as the exercise's checks take it: mapped files and per-function settings. */
export function workspaceForChecks(exercise: ExerciseContent, workspace: WorkspaceDoc): Workspace {
  const files: Record<string, string> = {};
  for (const fn of Object.values(workspace.functions)) Object.assign(files, fn.files);
  const world = exercise.spec.world;
  for (const file of exercise.spec.files) {
    let text: string | undefined;
    if ('function' in file) text = workspace.functions[file.function]?.files[file.path];
    else if ('layer' in file) text = workspace.layers[file.layer]?.files[file.path];
    else {
      // The policy is edited in the role editor of a function that uses the role.
      const user = world.functions.find((f) => f.role === file.rolePolicy && workspace.functions[f.name]);
      text = user ? workspace.functions[user.name]?.role.inlinePolicy : undefined;
    }
    if (text !== undefined) files[file.path] = text;
  }
  const config: Record<string, FunctionConfig> = {};
  for (const [name, fn] of Object.entries(workspace.functions))
    config[name] = {
      memoryMb: fn.memorySize,
      timeoutS: fn.timeout,
      ephemeralStorageMb: fn.ephemeralStorage,
      env: fn.environment,
      reservedConcurrency: fn.reservedConcurrency,
      provisionedConcurrency: fn.provisionedConcurrency,
      layers: fn.layers,
    };
  return { files, config };
}
