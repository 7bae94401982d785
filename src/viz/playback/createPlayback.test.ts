import { describe, expect, it } from 'vitest';
import { createManualScheduler, createPlayback, skipIdle } from './createPlayback';

function setup(extra: Partial<Parameters<typeof createPlayback>[0]> = {}) {
  const scheduler = createManualScheduler();
  const p = createPlayback({ startMs: 1000, endMs: 11_000, scheduler, ...extra });
  return { p, scheduler };
}

describe('createPlayback', () => {
  it('advances virtual time by wall time times speed while playing', () => {
    const { p, scheduler } = setup({ speed: 2 });
    p.play();
    scheduler.frame(0);
    scheduler.frame(16);
    expect(p.getState().timeMs).toBe(1032);
    p.pause();
    scheduler.frame(1000);
    expect(p.getState()).toMatchObject({ timeMs: 1032, playing: false });
    expect(scheduler.pending()).toBe(0);
  });

  it('clamps speed to 0.1x-1000x and stops at the end', () => {
    const { p, scheduler } = setup();
    p.setSpeed(5000);
    expect(p.getState().speed).toBe(1000);
    p.setSpeed(0.001);
    expect(p.getState().speed).toBe(0.1);
    p.setSpeed(1000);
    p.play();
    scheduler.frame(0);
    scheduler.frame(100);
    expect(p.getState()).toMatchObject({ timeMs: 11_000, playing: false, ended: true });
  });

  it('scrubs without a catch-up jump and replays from the start', () => {
    const { p, scheduler } = setup();
    p.play();
    scheduler.frame(0);
    p.seek(5000);
    scheduler.frame(500);
    expect(p.getState().timeMs).toBe(5000);
    scheduler.frame(510);
    expect(p.getState().timeMs).toBe(5010);
    p.seek(-1);
    expect(p.getState().timeMs).toBe(1000);
    p.seek(20_000);
    expect(p.getState().ended).toBe(true);
    p.replay();
    expect(p.getState()).toMatchObject({ timeMs: 1000, playing: true, ended: false });
  });

  it('with reduced motion holds each frame still and then steps', () => {
    const { p, scheduler } = setup({ reducedMotion: true, stepWallMs: 500 });
    const seen: number[] = [];
    p.subscribe(() => seen.push(p.getState().timeMs));
    p.play();
    for (let w = 0; w <= 1100; w += 100) scheduler.frame(w);
    expect(seen).toEqual([1000, 1500, 2000]);
  });

  it('steps to the next and previous key time', () => {
    const { p } = setup({ keyTimes: [1200, 3000, 7000] });
    p.step(1);
    expect(p.getState().timeMs).toBe(1200);
    p.step(1);
    expect(p.getState().timeMs).toBe(3000);
    p.step(-1);
    expect(p.getState().timeMs).toBe(1200);
    p.seek(9000);
    p.step(1);
    expect(p.getState().timeMs).toBe(9100);
  });

  it('widens the range of a live trace without moving the playhead', () => {
    const { p } = setup();
    p.seek(4000);
    p.setRange(1000, 50_000);
    expect(p.getState()).toMatchObject({ timeMs: 4000, endMs: 50_000 });
  });

  it('skips idle time while playing: the playhead jumps to the next event instead of crawling', () => {
    const { p, scheduler } = setup({ skips: [{ startMs: 2000, endMs: 9000 }] });
    p.seek(1990);
    p.play();
    scheduler.frame(0);
    scheduler.frame(5);
    expect(p.getState().timeMs).toBe(1995);
    // The next frame would land 5 ms into the quiet stretch: it lands at its end instead.
    scheduler.frame(20);
    expect(p.getState()).toMatchObject({ timeMs: 9000, playing: true });
    scheduler.frame(30);
    expect(p.getState().timeMs).toBe(9010);
    // Scrubbing into a skipped stretch still shows it; playing on leaves it.
    p.pause();
    p.seek(5000);
    expect(p.getState().timeMs).toBe(5000);
    p.setSkips([]);
    p.play();
    scheduler.frame(100);
    scheduler.frame(110);
    expect(p.getState().timeMs).toBe(5010);
  });

  it('finds the stretch a time falls in', () => {
    const skips = [
      { startMs: 10, endMs: 20 },
      { startMs: 30, endMs: 40 },
    ];
    expect([5, 10, 15, 20, 25, 39, 40, 50].map((t) => skipIdle(skips, t))).toEqual([
      5, 10, 20, 20, 25, 40, 40, 50,
    ]);
  });
});
