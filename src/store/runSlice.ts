import type { StateCreator } from 'zustand';
import type { DurationModel } from '../sim';
import type { LabState } from './labStore';

export interface TestResult {
  readonly status: 'Succeeded' | 'Failed';
  readonly responseJson: string;
  readonly logs: readonly string[];
  readonly requestId: string;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly initDurationMs: number | null;
  readonly memorySizeMb: number;
  /** Virtual ms of handler time per ms of work on one vCPU (the memory/CPU model). */
  readonly cpuScale: number;
  /** How the handler's Duration was modeled; null for a lesson snippet (run outside the simulation). */
  readonly model: DurationModel | null;
}

export interface RunSlice {
  readonly running: boolean;
  readonly lastResult: TestResult | null;
  readonly runError: string | null;
  /** Bumped (once per frame at most) whenever the world changed or was replaced, so views re-read it. */
  readonly traceVersion: number;
  worldChanged(): void;
  setRunning(running: boolean): void;
  setResult(result: TestResult): void;
  setRunError(message: string): void;
}

export const createRunSlice: StateCreator<LabState, [], [], RunSlice> = (set) => ({
  running: false,
  lastResult: null,
  runError: null,
  setRunning: (running) => set({ running }),
  traceVersion: 0,
  worldChanged: () => set((s) => ({ traceVersion: s.traceVersion + 1 })),
  setResult: (lastResult) =>
    set((s) => ({ lastResult, runError: null, running: false, traceVersion: s.traceVersion + 1 })),
  setRunError: (runError) => set({ runError, running: false }),
});
