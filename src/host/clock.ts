/**
 * The workspace's virtual clock: while playing, the learner's world moves with the wall clock times the
 * chosen speed, so triggers fire, retries back off and idle environments are reaped as they would on AWS.
 * Step runs the next scheduled event; skip jumps ahead (15 minutes reaps every idle environment).
 * Everything goes through the runner, so a Test pressed meanwhile waits its turn instead of interleaving.
 */
import type { LabRunner } from './labRunner';

export interface ClockHost {
  /** The learner's current runner, or null while Python is not ready. */
  runner(): LabRunner | null;
  playing(): boolean;
  speed(): number;
  /** Reports the world's time (throttled by the driver) and whether a step or skip is running. */
  report(nowMs: number, busy: boolean): void;
}

export interface FrameSource {
  /** Calls `tick` with a wall-clock timestamp in ms on the next frame; returns a cancel function. */
  next(tick: (wallMs: number) => void): () => void;
}

export const animationFrames: FrameSource = {
  next(tick) {
    const id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  },
};

/** A frame that arrives after a long gap (a background tab, a breakpoint) moves time by at most this. */
const MAX_FRAME_GAP_MS = 250;
/** The time readout changes ten times a second, not sixty: enough to read, cheap to render. */
const REPORT_EVERY_MS = 100;

export interface ClockDriver {
  start(): void;
  stop(): void;
  /** Runs the next scheduled event (and what it sets off at that instant); false when nothing is queued. */
  step(): Promise<boolean>;
  skip(ms: number): Promise<void>;
}

export function createClockDriver(host: ClockHost, frames: FrameSource = animationFrames): ClockDriver {
  let cancel: (() => void) | null = null;
  let lastWall: number | null = null;
  let lastReport = Number.NEGATIVE_INFINITY;
  let advancing = false;
  let busy = false;

  const report = (runner: LabRunner, force: boolean, wallMs: number) => {
    if (!force && wallMs - lastReport < REPORT_EVERY_MS) return;
    lastReport = wallMs;
    host.report(runner.world.now(), busy);
  };

  const tick = (wallMs: number) => {
    cancel = frames.next(tick);
    const gap = lastWall === null ? 0 : Math.min(wallMs - lastWall, MAX_FRAME_GAP_MS);
    lastWall = wallMs;
    const runner = host.runner();
    if (!runner) return;
    if (!host.playing() || advancing || busy) {
      report(runner, false, wallMs);
      return;
    }
    const target = runner.world.now() + gap * host.speed();
    advancing = true;
    // Fire and forget: the next frame skips while this advance (maybe a real handler run) is in flight.
    void runner
      .advanceTo(target)
      .catch(() => undefined)
      .finally(() => {
        advancing = false;
        report(runner, false, wallMs);
      });
  };

  const whileBusy = async <T>(work: (runner: LabRunner) => Promise<T>, idle: T): Promise<T> => {
    const runner = host.runner();
    if (!runner || busy) return idle;
    busy = true;
    host.report(runner.world.now(), true);
    try {
      return await work(runner);
    } finally {
      busy = false;
      host.report(runner.world.now(), false);
    }
  };

  return {
    start() {
      if (cancel) return;
      lastWall = null;
      cancel = frames.next(tick);
    },
    stop() {
      cancel?.();
      cancel = null;
    },
    step: () =>
      whileBusy(async (runner) => {
        const next = runner.world.nextEventTime();
        if (next === undefined) return false;
        await runner.advanceTo(Math.max(next, runner.world.now()));
        return true;
      }, false),
    skip: (ms) => whileBusy((runner) => runner.advanceBy(ms), undefined),
  };
}
