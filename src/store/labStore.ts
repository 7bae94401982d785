/**
 * The one bound store, combined from typed slices. Only the workspace is persisted; a schema version and
 * a migration hook keep old saves readable as the shape grows.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createRunSlice, type RunSlice } from './runSlice';
import { createRuntimeSlice, type RuntimeSlice } from './runtimeSlice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';

export type LabState = WorkspaceSlice & RuntimeSlice & RunSlice;

export const STORE_KEY = 'lambda-lab.workspace';
export const STORE_VERSION = 1;

export const useLabStore = create<LabState>()(
  persist(
    (...a) => ({ ...createWorkspaceSlice(...a), ...createRuntimeSlice(...a), ...createRunSlice(...a) }),
    {
      name: STORE_KEY,
      version: STORE_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ code: state.code, eventJson: state.eventJson, handler: state.handler }),
      merge: (persisted, current) => {
        // Anything that is not a string is ignored, so a corrupt save cannot break the app.
        const saved = (persisted ?? {}) as Partial<Record<'code' | 'eventJson' | 'handler', unknown>>;
        return {
          ...current,
          ...(typeof saved.code === 'string' ? { code: saved.code } : {}),
          ...(typeof saved.eventJson === 'string' ? { eventJson: saved.eventJson } : {}),
          ...(typeof saved.handler === 'string' ? { handler: saved.handler } : {}),
        };
      },
    },
  ),
);
