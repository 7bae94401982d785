/**
 * Turns an exercise's starter (or solution) into a workspace: one function draft per function the
 * exercise lets the learner edit, configured as its world declares. Files for layers and role policies
 * are returned apart, for the panels that edit them.
 */
import type { ExerciseContent } from '../lessons/course';
import {
  type FunctionDraft,
  newFunctionDraft,
  WORKSPACE_VERSION,
  type WorkspaceDoc,
} from '../store/workspaceDoc';

export interface ExerciseWorkspace {
  readonly workspace: WorkspaceDoc;
  /** Files the workspace cannot hold yet (layer files, role policies), by path. */
  readonly other: Readonly<Record<string, string>>;
}

export function exerciseWorkspace(
  exercise: ExerciseContent,
  which: 'starter' | 'solution' = 'starter',
): ExerciseWorkspace {
  const texts = which === 'starter' ? exercise.starter : exercise.solution;
  const functions: Record<string, FunctionDraft> = {};
  const other: Record<string, string> = {};
  const config = exercise.spec.config?.[which] ?? {};
  for (const file of exercise.spec.files) {
    const text = texts[file.path] ?? '';
    if (!('function' in file)) {
      other[file.path] = text;
      continue;
    }
    const name = file.function;
    const world = exercise.spec.world.functions.find((f) => f.name === name);
    const settings = config[name] ?? {};
    const base = functions[name] ?? {
      ...newFunctionDraft(),
      files: {},
      handler: world?.handler ?? 'lambda_function.lambda_handler',
      runtime: world?.runtime ?? 'python3.12',
      memorySize: settings.memoryMb ?? world?.memoryMb ?? 128,
      timeout: settings.timeoutS ?? world?.timeoutS ?? 3,
      ephemeralStorage: settings.ephemeralStorageMb ?? world?.ephemeralStorageMb ?? 512,
      environment: { ...(world?.env ?? {}), ...(settings.env ?? {}) },
      activeFile: file.path,
    };
    functions[name] = { ...base, files: { ...base.files, [file.path]: text } };
  }
  const names = Object.keys(functions);
  const first = names[0];
  if (first === undefined) throw new Error(`Exercise ${exercise.id} has no function files to edit.`);
  return { workspace: { version: WORKSPACE_VERSION, functions, activeFunction: first }, other };
}
