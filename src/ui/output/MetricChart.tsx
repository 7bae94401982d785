/** One metric over virtual time, drawn with uPlot in the theme's colours; the caller supplies a data table. */
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useResolvedTheme } from '../ThemePicker';

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** A CSS variable of the theme (`--accent`) or a literal colour. */
  readonly color: string;
}

const clock = uPlot.fmtDate('{HH}:{mm}:{ss}');
const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');

const cssColor = (el: HTMLElement, color: string): string =>
  color.startsWith('--') ? getComputedStyle(el).getPropertyValue(color).trim() || '#888' : color;

export function MetricChart({
  times,
  series,
  unit,
  bars = false,
  height = 120,
}: {
  times: readonly number[];
  series: readonly ChartSeries[];
  unit: string;
  bars?: boolean;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [width, setWidth] = useState(320);
  const [failed, setFailed] = useState(false);
  const theme = useResolvedTheme();
  const data: uPlot.AlignedData = [times.map((t) => t / 1000), ...series.map((s) => s.values.map((v) => v))];
  const shape = series.map((s) => s.label).join('|');

  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(Math.max(200, Math.floor(el.clientWidth))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt on theme, size and series shape; data flows through setData
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = cssColor(el, '--muted');
    const grid = cssColor(el, '--border');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    try {
      plot.current = new uPlot(
        {
          width,
          height,
          legend: { show: series.length > 1 },
          cursor: { drag: { x: false, y: false } },
          // Virtual time is shown in UTC on a 24-hour clock, like the log timestamps.
          tzDate: utc,
          scales: { y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
          axes: [
            { ...axis, values: (_u, splits) => splits.map((v) => clock(utc(v))) },
            { ...axis, label: unit, labelSize: 18, size: 48 },
          ],
          series: [
            {},
            ...series.map((s) => ({
              label: s.label,
              stroke: cssColor(el, s.color),
              fill: bars ? cssColor(el, s.color) : undefined,
              width: 2,
              paths: bars ? uPlot.paths.bars?.({ size: [0.7, 40] }) : undefined,
              points: { show: !bars },
            })),
          ],
        },
        data,
        el,
      );
      setFailed(false);
    } catch {
      setFailed(true);
    }
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [theme, width, height, shape, bars, unit]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <div className="metric-chart" ref={box} aria-hidden="true">
      {failed ? (
        <p className="muted">This browser cannot draw the chart; the data table has the numbers.</p>
      ) : null}
    </div>
  );
}
