import { describe, expect, it } from 'vitest';
import { createWorld } from '../sim';
import { createFakeRuntime } from '../sim/fakeRuntime';
import { createClockDriver, type FrameSource } from './clock';
import { createLabRunner } from './labRunner';

/** Frames delivered by hand, at wall-clock times the test chooses. */
function manualFrames() {
  let pending: ((wallMs: number) => void) | null = null;
  const source: FrameSource = {
    next(tick) {
      pending = tick;
      return () => {
        pending = null;
      };
    },
  };
  return {
    source,
    async frame(wallMs: number) {
      const tick = pending;
      if (!tick) throw new Error('no frame requested');
      tick(wallMs);
      // Let the advance the frame started (a promise chain through the runner) settle.
      for (let i = 0; i < 20; i++) await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

function setup(options: { playing?: boolean; speed?: number } = {}) {
  const world = createWorld({ seed: 1, startTimeMs: 1_000_000 });
  const runner = createLabRunner(world, createFakeRuntime());
  const frames = manualFrames();
  const reports: { nowMs: number; busy: boolean }[] = [];
  const state = { playing: options.playing ?? true, speed: options.speed ?? 1 };
  const driver = createClockDriver(
    {
      runner: () => runner,
      playing: () => state.playing,
      speed: () => state.speed,
      report: (nowMs, busy) => reports.push({ nowMs, busy }),
    },
    frames.source,
  );
  return { world, runner, frames, reports, state, driver };
}

describe('the workspace clock', () => {
  it('moves virtual time with the wall clock times the speed while playing', async () => {
    const { world, frames, driver } = setup({ speed: 100 });
    driver.start();
    await frames.frame(10_000);
    await frames.frame(10_016);
    expect(world.now()).toBe(1_000_000 + 16 * 100);
  });

  it('stands still while paused, and a long gap between frames moves time by at most 250 ms', async () => {
    const { world, frames, driver, state } = setup();
    state.playing = false;
    driver.start();
    await frames.frame(0);
    await frames.frame(500);
    expect(world.now()).toBe(1_000_000);
    state.playing = true;
    await frames.frame(60_000);
    expect(world.now()).toBe(1_000_000 + 250);
  });

  it('skips ahead and steps to the next scheduled event, reporting busy meanwhile', async () => {
    const { world, driver, reports } = setup({ playing: false });
    await driver.skip(15 * 60_000);
    expect(world.now()).toBe(1_000_000 + 15 * 60_000);
    expect(reports.some((r) => r.busy)).toBe(true);
    expect(reports.at(-1)).toEqual({ nowMs: world.now(), busy: false });
    // Nothing is queued in an empty world: a step says so and leaves time alone.
    expect(await driver.step()).toBe(false);
    expect(world.now()).toBe(1_000_000 + 15 * 60_000);
  });
});
