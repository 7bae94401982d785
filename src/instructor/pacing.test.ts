import { describe, expect, it } from 'vitest';
import { formatClock, PACE_GRACE_MS, paceAt, pauseTimer, STOPPED, startTimer, timerElapsed } from './pacing';
import type { Plan } from './plan';

const seg = (id: string, minutes: number) => ({
  id,
  title: id,
  minutes,
  lessons: ['01-serverless'],
  points: ['p'],
  notes: 'n',
});
const plan: Plan = { title: 't', minutes: 30, segments: [seg('a', 10), seg('b', 20)] };
const MIN = 60_000;

describe('the lecture timer', () => {
  it('counts only while running, and keeps its count across pauses', () => {
    let t = startTimer(STOPPED, 1_000);
    expect(timerElapsed(t, 4_000)).toBe(3_000);
    t = pauseTimer(t, 5_000);
    expect(timerElapsed(t, 60_000)).toBe(4_000);
    t = startTimer(t, 100_000);
    expect(timerElapsed(t, 101_000)).toBe(5_000);
    expect(startTimer(t, 200_000)).toBe(t);
  });

  it('formats minutes and seconds, hours when needed, and time over with a minus', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(61_500)).toBe('01:01');
    expect(formatClock(90 * MIN)).toBe('1:30:00');
    expect(formatClock(-5_000)).toBe('−00:05');
  });
});

describe('pace against the plan', () => {
  it('is on time inside the segment’s planned window (with a minute of grace)', () => {
    expect(paceAt(plan, 0, 5 * MIN).status).toBe('on-time');
    expect(paceAt(plan, 0, 10 * MIN + PACE_GRACE_MS).status).toBe('on-time');
    expect(paceAt(plan, 1, 10 * MIN - PACE_GRACE_MS).status).toBe('on-time');
  });

  it('says hurry when still on a segment after its planned end, slow down when early', () => {
    expect(paceAt(plan, 0, 12 * MIN).status).toBe('behind');
    expect(paceAt(plan, 1, 5 * MIN).status).toBe('ahead');
  });

  it('reports time left in the segment and the lecture', () => {
    const p = paceAt(plan, 1, 25 * MIN);
    expect(p.segmentLeftMs).toBe(5 * MIN);
    expect(p.lectureLeftMs).toBe(5 * MIN);
    expect(p.fraction).toBeCloseTo(25 / 30);
    expect(paceAt(plan, 0, 11 * MIN).segmentLeftMs).toBe(-MIN);
  });
});
