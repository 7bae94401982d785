/**
 * The pacing timer (reveal.js's speaker-view idea): a wall-clock stopwatch for the lecture, and where
 * the instructor stands against the plan. Pure: the caller passes `nowMs`, so two windows that share
 * the timer's data show the same time, and tests need no fake clock.
 */
// Type-only: the plan's loader pulls in the YAML parser, which the first paint does not need.
import type { Plan } from './plan';

/** A stopwatch as data: it can cross a BroadcastChannel and survive a re-render. */
export interface LectureTimer {
  /** Wall-clock ms when it was last started; null while paused. */
  readonly runningSinceMs: number | null;
  /** Time counted before the last start. */
  readonly accumulatedMs: number;
}

export const STOPPED: LectureTimer = { runningSinceMs: null, accumulatedMs: 0 };

export function timerElapsed(timer: LectureTimer, nowMs: number): number {
  const running = timer.runningSinceMs === null ? 0 : Math.max(0, nowMs - timer.runningSinceMs);
  return timer.accumulatedMs + running;
}

export function startTimer(timer: LectureTimer, nowMs: number): LectureTimer {
  return timer.runningSinceMs === null ? { ...timer, runningSinceMs: nowMs } : timer;
}

export function pauseTimer(timer: LectureTimer, nowMs: number): LectureTimer {
  return timer.runningSinceMs === null
    ? timer
    : { runningSinceMs: null, accumulatedMs: timerElapsed(timer, nowMs) };
}

/** Green, red, blue in reveal.js: on time, hurry up, slow down. */
export type PaceStatus = 'on-time' | 'behind' | 'ahead';

export interface Pace {
  readonly status: PaceStatus;
  readonly elapsedMs: number;
  /** Planned time left in the current segment (negative: over by that much). */
  readonly segmentLeftMs: number;
  /** Planned time left in the whole lecture. */
  readonly lectureLeftMs: number;
  /** How far the lecture has gone, 0..1, by the clock. */
  readonly fraction: number;
}

/** A minute either side of the plan still counts as on time. */
export const PACE_GRACE_MS = 60_000;

export function paceAt(plan: Plan, segment: number, elapsedMs: number): Pace {
  const starts = segmentStarts(plan);
  const i = Math.min(Math.max(segment, 0), plan.segments.length - 1);
  const start = starts[i] ?? 0;
  const end = starts[i + 1] ?? start;
  const total = starts[starts.length - 1] ?? 0;
  const status: PaceStatus =
    elapsedMs > end + PACE_GRACE_MS ? 'behind' : elapsedMs < start - PACE_GRACE_MS ? 'ahead' : 'on-time';
  return {
    status,
    elapsedMs,
    segmentLeftMs: end - elapsedMs,
    lectureLeftMs: total - elapsedMs,
    fraction: total > 0 ? Math.min(1, elapsedMs / total) : 0,
  };
}

/** `mm:ss` (or `h:mm:ss`), with a minus sign for time over. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${h > 0 ? `${h}:` : ''}${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export const PACE_LABEL: Readonly<Record<PaceStatus, string>> = {
  'on-time': 'On time',
  behind: 'Behind: hurry up',
  ahead: 'Ahead: slow down',
};

/** Planned start of each segment, in ms from the start of the lecture (one extra entry: the end). */
export function segmentStarts(plan: Plan): number[] {
  const starts = [0];
  for (const s of plan.segments) starts.push((starts[starts.length - 1] ?? 0) + s.minutes * 60_000);
  return starts;
}
