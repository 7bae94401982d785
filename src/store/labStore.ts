/**
 * The one bound store, combined from typed slices. The workspace and the theme are persisted through a
 * validating storage: saves of older formats are migrated, unreadable ones are set aside and reported.
 */
import { create, type StateCreator } from 'zustand';
import { persist } from 'zustand/middleware';
import { type ClockSlice, createClockSlice } from './clockSlice';
import { createInstructorSlice, type InstructorSlice } from './instructorSlice';
import {
  createProgressSlice,
  emptyProgress,
  type ProgressDoc,
  type ProgressSlice,
  parseStoredProgress,
} from './progressSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createRuntimeSlice, type RuntimeSlice } from './runtimeSlice';
import { createSafeStorage } from './safeStorage';
import { createUiSlice, type ThemeChoice, type UiSlice } from './uiSlice';
import { parseWorkspace, WORKSPACE_VERSION, type WorkspaceDoc } from './workspaceDoc';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';

export type LabState = WorkspaceSlice &
  RuntimeSlice &
  RunSlice &
  UiSlice &
  ProgressSlice &
  ClockSlice &
  InstructorSlice;

export const STORE_KEY = 'lambda-lab.workspace';

export interface Persisted {
  readonly workspace: WorkspaceDoc;
  readonly theme: ThemeChoice;
  readonly progress: ProgressDoc;
  /** Saved only when on: an older save without it means off. */
  readonly instructorMode?: boolean;
}

/** Progress that cannot be read is dropped on its own (with a notice); the workspace is kept. */
let progressProblem: string | null = null;

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Version 1 stored the first screen's fields at the top level; later versions nest the workspace. */
export function parsePersisted(
  state: unknown,
  version: number,
): { ok: true; state: Persisted } | { ok: false; reason: string } {
  if (typeof state !== 'object' || state === null) return { ok: false, reason: 'it holds no workspace' };
  const record = state as Record<string, unknown>;
  const parsed = parseWorkspace(version <= 1 ? record : record.workspace, Math.max(version, 1));
  if (!parsed.ok) return parsed;
  const theme = THEMES.find((t) => t === record.theme) ?? 'system';
  const progress = parseStoredProgress(record.progress);
  if (!progress.ok) progressProblem = progress.reason;
  return {
    ok: true,
    state: {
      workspace: parsed.workspace,
      theme,
      progress: progress.ok ? progress.progress : emptyProgress(),
      ...(record.instructorMode === true ? { instructorMode: true } : {}),
    },
  };
}

export const useLabStore = create<LabState>()(
  persist(
    (...a) => ({
      ...createWorkspaceSlice(...a),
      ...createRuntimeSlice(...a),
      ...createRunSlice(...a),
      ...createUiSlice(...a),
      ...createClockSlice(...a),
      ...createInstructorSlice(...a),
      ...(createProgressSlice as unknown as StateCreator<LabState, [], [], ProgressSlice>)(...a),
    }),
    {
      name: STORE_KEY,
      version: WORKSPACE_VERSION,
      storage: createSafeStorage<Persisted>({
        version: WORKSPACE_VERSION,
        parse: parsePersisted,
        onSetAside: ({ key, reason }) =>
          // Deferred: the store is still being created when storage is first read.
          queueMicrotask(() =>
            useLabStore
              .getState()
              .addNotice(
                'warning',
                `Your saved workspace could not be read (${reason}). It was kept in this browser's storage as "${key}" and a fresh workspace was started.`,
              ),
          ),
      }),
      partialize: (state): Persisted => ({
        workspace: state.workspace,
        theme: state.theme,
        progress: state.progress,
        ...(state.instructorMode ? { instructorMode: true } : {}),
      }),
      onRehydrateStorage: () => () => {
        if (progressProblem === null) return;
        const reason = progressProblem;
        progressProblem = null;
        queueMicrotask(() =>
          useLabStore
            .getState()
            .addNotice('warning', `Your course progress could not be read (${reason}); it starts afresh.`),
        );
      },
    },
  ),
);
