import type { StateCreator } from 'zustand';
import type { LabState } from './labStore';

/** Playback speeds the time controls offer: 0.1x to 1000x, as the workspace issue asks. */
export const CLOCK_SPEEDS = [0.1, 0.5, 1, 2, 10, 100, 1000] as const;
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number];

export interface ClockState {
  /** Whether virtual time follows the wall clock (times `speed`) or stands still. */
  readonly playing: boolean;
  readonly speed: ClockSpeed;
  /** The learner's world's virtual time, refreshed a few times a second while it moves; null before Python. */
  readonly nowMs: number | null;
  /** Set while a step or skip is running, so the controls say so and do not queue another. */
  readonly busy: boolean;
}

export interface ClockSlice {
  readonly clock: ClockState;
  setClock(patch: Partial<ClockState>): void;
}

export const createClockSlice: StateCreator<LabState, [], [], ClockSlice> = (set) => ({
  clock: { playing: true, speed: 1, nowMs: null, busy: false },
  setClock: (patch) => set((s) => ({ clock: { ...s.clock, ...patch } })),
});
