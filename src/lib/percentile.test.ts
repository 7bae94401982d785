import { describe, expect, it } from 'vitest';
import { ascending, percentile } from './percentile';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const v = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 90)).toBe(90);
    expect(percentile(v, 99)).toBe(100);
    expect(percentile(v, 0)).toBe(10);
    expect(percentile(Float64Array.from([5]), 99)).toBe(5);
  });

  it('has no value for an empty list', () => {
    expect(percentile([], 99)).toBeNull();
    expect(percentile(new Float64Array(0), 50)).toBeNull();
  });

  it('sorts numerically, not as text', () => {
    expect(ascending([100, 9, 20])).toEqual([9, 20, 100]);
  });
});
