/**
 * An SVG path for a step series over a time scale, built once per model. A pixel column holds at most one
 * vertical stroke (through the column's lowest and highest values), so 1,000 environments starting within
 * a few pixels draw as a handful of segments, not thousands.
 */
import type { TimeScale } from '../common/scale';
import type { StepSeries } from '../trace/search';

export function stepPath(series: StepSeries, scale: TimeScale, height: number, max: number): string {
  const top = 4;
  const yOf = (v: number) => top + height - (max > 0 ? (v / max) * height : 0);
  const parts: string[] = [`M${scale.x0} ${yOf(0)}`];
  let column = Number.NaN;
  let lo = 0;
  let hi = 0;
  let last = 0;
  const flush = () => {
    if (Number.isNaN(column)) return;
    parts.push(`H${column}V${yOf(hi)}V${yOf(lo)}V${yOf(last)}`);
  };
  for (let i = 0; i < series.times.length; i++) {
    const x = Math.round(scale.xOf(series.times[i]!) * 2) / 2;
    const v = series.values[i]!;
    if (x !== column) {
      flush();
      // The column starts from the level the previous one ended at.
      lo = Math.min(last, v);
      hi = Math.max(last, v);
      column = x;
    } else {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    last = v;
  }
  flush();
  parts.push(`H${scale.x0 + scale.width}`);
  return parts.join('');
}
