import type { StateCreator } from 'zustand';
import type { BootPhase } from '../runtime/protocol';
import type { LabState } from './labStore';

export type PythonStatus =
  | {
      readonly state: 'booting';
      readonly phase: BootPhase;
      readonly loadedBytes: number;
      readonly totalBytes: number;
    }
  | {
      readonly state: 'ready';
      readonly fromSnapshot: boolean;
      readonly readyMs: number;
      readonly phaseMs: Readonly<Record<BootPhase, number>>;
    }
  | { readonly state: 'failed'; readonly phase: BootPhase; readonly message: string };

export interface RuntimeSlice {
  readonly python: PythonStatus;
  readonly isolated: boolean;
  setPython(python: PythonStatus): void;
  setIsolated(isolated: boolean): void;
}

export const createRuntimeSlice: StateCreator<LabState, [], [], RuntimeSlice> = (set) => ({
  python: { state: 'booting', phase: 'download', loadedBytes: 0, totalBytes: 0 },
  isolated: false,
  setPython: (python) => set({ python }),
  setIsolated: (isolated) => set({ isolated }),
});
