/**
 * Instructor mode and the presenter's state. Only the mode is saved; the segment, the lecture timer and
 * the demo's progress belong to this lecture and are shared live with the notes window (src/instructor/
 * sync.ts). Every local change bumps `rev`, so the windows agree on which change came last.
 */
import type { StateCreator } from 'zustand';
import { type LectureTimer, pauseTimer, STOPPED, startTimer } from '../instructor/pacing';
import type { PresenterState } from '../instructor/sync';
import type { LabState } from './labStore';

export interface InstructorSlice {
  readonly instructorMode: boolean;
  /** This window shows the projector layout (never shared: the notes window is not projecting). */
  readonly presenting: boolean;
  readonly presenter: PresenterState;
  setInstructorMode(on: boolean): void;
  setPresenting(on: boolean): void;
  /** Go to a segment (clamped by the caller, who knows the plan's length). */
  goToSegment(index: number): void;
  startLectureTimer(nowMs: number): void;
  pauseLectureTimer(nowMs: number): void;
  resetLectureTimer(): void;
  setDemoProgress(demo: PresenterState['demo']): void;
  /** A newer state from another window replaces this one as it is (its `rev` included). */
  applyRemotePresenter(state: PresenterState): void;
}

export const INITIAL_PRESENTER: PresenterState = { segment: 0, timer: STOPPED, demo: null, rev: 0 };

export const createInstructorSlice: StateCreator<LabState, [], [], InstructorSlice> = (set) => {
  const change = (patch: (p: PresenterState) => Partial<PresenterState>) =>
    set((s) => ({ presenter: { ...s.presenter, ...patch(s.presenter), rev: s.presenter.rev + 1 } }));
  const timer = (next: (t: LectureTimer) => LectureTimer) => change((p) => ({ timer: next(p.timer) }));
  return {
    instructorMode: false,
    presenting: false,
    presenter: INITIAL_PRESENTER,
    setInstructorMode: (instructorMode) =>
      set((s) => ({ instructorMode, presenting: instructorMode ? s.presenting : false })),
    setPresenting: (presenting) => set({ presenting }),
    goToSegment: (index) => change(() => ({ segment: Math.max(0, index) })),
    startLectureTimer: (nowMs) => timer((t) => startTimer(t, nowMs)),
    pauseLectureTimer: (nowMs) => timer((t) => pauseTimer(t, nowMs)),
    resetLectureTimer: () => timer(() => STOPPED),
    setDemoProgress: (demo) => change(() => ({ demo })),
    applyRemotePresenter: (presenter) => set({ presenter }),
  };
};
