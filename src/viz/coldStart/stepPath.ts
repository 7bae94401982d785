/** An SVG path for a step series over a time scale, built once per model and clipped per frame. */
import type { TimeScale } from '../common/scale';
import type { StepSeries } from '../trace/search';

export function stepPath(series: StepSeries, scale: TimeScale, height: number, max: number): string {
  const top = 4;
  const yOf = (v: number) => top + height - (max > 0 ? (v / max) * height : 0);
  let d = `M${scale.x0} ${yOf(0)}`;
  let prev = 0;
  for (let i = 0; i < series.times.length; i++) {
    const x = scale.xOf(series.times[i]!);
    const v = series.values[i]!;
    d += `H${x}V${yOf(v)}`;
    prev = v;
  }
  return `${d}H${scale.x0 + scale.width}V${yOf(prev)}`;
}
