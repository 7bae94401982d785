/** Duration and cost per memory size, as the Lambda Power Tuning tool plots them; both are modeled. */
import '../viz.css';
import { formatDuration, formatPerMillion } from '../common/format';
import { TextAlternative } from '../common/TextAlternative';
import type { PowerTuningResult } from './powerTuning';

export interface PowerTuningChartProps {
  readonly result: PowerTuningResult;
  readonly width?: number;
  readonly height?: number;
}

const PAD = { left: 56, right: 64, top: 24, bottom: 36 };

export function PowerTuningChart({ result, width = 560, height = 260 }: PowerTuningChartProps) {
  const pts = result.points.filter((p) => p.invocations > 0);
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const maxD = Math.max(1e-9, ...pts.map((p) => p.avgDurationMs));
  const maxC = Math.max(1e-18, ...pts.map((p) => p.avgCostUsd));
  const xOf = (i: number) => PAD.left + (pts.length <= 1 ? plotW / 2 : (i / (pts.length - 1)) * plotW);
  const yD = (v: number) => PAD.top + plotH - (v / maxD) * plotH;
  const yC = (v: number) => PAD.top + plotH - (v / maxC) * plotH;
  const line = (y: (i: number) => number) =>
    pts.map((_, i) => `${i === 0 ? 'M' : 'L'}${xOf(i)} ${y(i)}`).join('');
  const summary =
    pts.length === 0
      ? 'Power tuning: no results yet.'
      : result.cheapestMb === null
        ? `Power tuning over ${pts.length} memory sizes: every run failed, so there is no cheapest or fastest.`
        : `Power tuning over ${pts.length} memory sizes (modeled): cheapest ${result.cheapestMb ?? '–'} MB, fastest ${result.fastestMb ?? '–'} MB.`;
  return (
    <figure className="viz" data-testid="power">
      <figcaption>
        Power tuning <span className="viz-modeled-tag">modeled duration and cost</span>
      </figcaption>
      <ul className="viz-legend" aria-label="Legend">
        <li>● solid line: average duration</li>
        <li>■ dashed line: average cost per 1M invocations ({result.architecture})</li>
        <li>averages leave out the fastest and slowest 20 %</li>
      </ul>
      <svg width={width} height={height} role="img" aria-label={summary}>
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="var(--muted)" />
        <line
          x1={PAD.left + plotW}
          x2={PAD.left + plotW}
          y1={PAD.top}
          y2={PAD.top + plotH}
          stroke="var(--muted)"
        />
        <line
          x1={PAD.left}
          x2={PAD.left + plotW}
          y1={PAD.top + plotH}
          y2={PAD.top + plotH}
          stroke="var(--muted)"
        />
        <text x={4} y={PAD.top - 8}>
          duration
        </text>
        <text x={4} y={PAD.top + 8} className="muted">
          {formatDuration(maxD)}
        </text>
        <text x={width - PAD.right + 4} y={PAD.top - 8}>
          cost
        </text>
        <text x={width - PAD.right + 4} y={PAD.top + 8} className="muted">
          {formatPerMillion(maxC).replace(' per ', '/')}
        </text>
        <text x={PAD.left + plotW / 2} y={height - 4} textAnchor="middle" className="muted">
          memory (MB)
        </text>
        <path
          d={line((i) => yD(pts[i]!.avgDurationMs))}
          fill="none"
          stroke="var(--viz-line)"
          strokeWidth={2}
        />
        <path
          d={line((i) => yC(pts[i]!.avgCostUsd))}
          fill="none"
          stroke="var(--accent)"
          strokeWidth={2}
          strokeDasharray="6 4"
        />
        {pts.map((p, i) => {
          const cheapest = p.memoryMb === result.cheapestMb;
          const fastest = p.memoryMb === result.fastestMb;
          return (
            <g
              key={p.memoryMb}
              data-testid="power.point"
              data-memory-mb={p.memoryMb}
              data-duration-ms={p.avgDurationMs}
              data-cost-usd={p.avgCostUsd}
              data-cheapest={cheapest}
              data-fastest={fastest}
            >
              <circle cx={xOf(i)} cy={yD(p.avgDurationMs)} r={4} fill="var(--viz-line)" />
              <rect x={xOf(i) - 4} y={yC(p.avgCostUsd) - 4} width={8} height={8} fill="var(--accent)" />
              <text x={xOf(i)} y={PAD.top + plotH + 14} textAnchor="middle">
                {p.memoryMb}
              </text>
              {cheapest ? (
                <text x={xOf(i)} y={yC(p.avgCostUsd) - 10} textAnchor="middle" data-testid="power.cheapest">
                  $ cheapest
                </text>
              ) : null}
              {fastest ? (
                <text x={xOf(i)} y={yD(p.avgDurationMs) + 18} textAnchor="middle" data-testid="power.fastest">
                  ⚡ fastest
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {result.failures.map((f) => (
        <p key={f.memoryMb} role="status">
          {f.memoryMb} MB could not run: {f.error}
        </p>
      ))}
      <TextAlternative label="results table" testId="power.alternative">
        <table className="viz-table">
          <caption>{summary}</caption>
          <thead>
            <tr>
              <th scope="col">Memory</th>
              <th scope="col">Avg duration</th>
              <th scope="col">Avg billed</th>
              <th scope="col">Avg cost (modeled, per 1M)</th>
              <th scope="col">Cold Init</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {result.points.map((p) => (
              <tr key={p.memoryMb}>
                <th scope="row">
                  {p.memoryMb} MB{p.memoryMb === result.cheapestMb ? ' (cheapest)' : ''}
                  {p.memoryMb === result.fastestMb ? ' (fastest)' : ''}
                </th>
                <td>{formatDuration(p.avgDurationMs)}</td>
                <td>{formatDuration(p.avgBilledDurationMs)}</td>
                <td>{formatPerMillion(p.avgCostUsd)}</td>
                <td>{p.coldInitMs === null ? '–' : formatDuration(p.coldInitMs)}</td>
                <td>{p.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TextAlternative>
    </figure>
  );
}
