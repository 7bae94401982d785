import { describe, expect, it } from 'vitest';
import { createTimeScale } from '../common/scale';
import { createStepSeries } from '../trace/search';
import { stepPath } from './stepPath';

const scale = createTimeScale(0, 1000, 0, 100);
const segments = (d: string) => d.match(/[MHV]/g)?.length ?? 0;

describe('stepPath', () => {
  it('steps up and down at the right x, on a y axis of the series maximum', () => {
    const d = stepPath(
      createStepSeries([
        [100, 2],
        [500, 1],
        [900, 0],
      ]),
      scale,
      40,
      2,
    );
    // 0 at y 44, 1 at y 24, 2 at y 4 (top margin 4, height 40).
    expect(d).toBe('M0 44H10V4V44V4H50V4V24V24H90V24V44V44H100');
  });

  it('draws 1,000 changes within one pixel as one column through their extremes', () => {
    const changes: [number, number][] = [];
    for (let i = 1; i <= 1000; i++) changes.push([100 + i * 0.001, i]);
    for (let i = 999; i >= 0; i--) changes.push([600 + (1000 - i) * 0.001, i]);
    const d = stepPath(createStepSeries(changes), scale, 40, 1000);
    expect(segments(d)).toBeLessThan(16);
    expect(d).toContain('V4'); // the peak of 1,000 is still drawn
  });
});
