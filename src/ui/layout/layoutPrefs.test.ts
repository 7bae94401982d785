import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, fitColumns, MIN_WIDTH } from './layoutPrefs';

const CHROME = 40;

describe('fitColumns', () => {
  it('keeps the defaults where they fit, and the code at least its minimum on a 1366 px laptop', () => {
    const wide = fitColumns(DEFAULT_LAYOUT, 1920);
    expect([wide.lesson, wide.side]).toEqual([DEFAULT_LAYOUT.lessonWidth, DEFAULT_LAYOUT.sideWidth]);
    const laptop = fitColumns(DEFAULT_LAYOUT, 1366);
    expect(1366 - CHROME - laptop.lesson - laptop.side).toBeGreaterThanOrEqual(MIN_WIDTH.code);
  });

  it('shrinks the side first, then the lesson, never below their minimums', () => {
    const big = { ...DEFAULT_LAYOUT, lessonWidth: 600, sideWidth: 700 };
    const fitted = fitColumns(big, 1366);
    expect(fitted.side).toBe(MIN_WIDTH.side);
    expect(fitted.lesson).toBe(1366 - CHROME - MIN_WIDTH.code - MIN_WIDTH.side);
    expect(fitColumns(big, 1100)).toMatchObject({ lesson: MIN_WIDTH.lesson, side: MIN_WIDTH.side });
  });

  it('gives a collapsed column no width, and its room to the others', () => {
    const fitted = fitColumns({ ...DEFAULT_LAYOUT, lessonCollapsed: true }, 1366);
    expect(fitted.lesson).toBe(0);
    expect(fitted.sideMax).toBe(1366 - CHROME - MIN_WIDTH.code);
  });
});
