/**
 * Lambda's CloudWatch metrics for the learner's world, one chart per metric over virtual time, each with a
 * data table for screen readers. Duration is modeled (measured CPU × the memory's CPU share + sleep).
 */
import { useState } from 'react';
import type { MetricsView } from '../../controller/console/consoleKit';
import { formatDuration } from '../../viz/common/format';
import { formatTime } from '../resources/formParts';
import { useWorldRead } from '../resources/labLink';
import { NotReady } from '../resources/ResourcePicker';
import { type ChartSeries, MetricChart } from './MetricChart';
import '../resources/shared.css';
import './output.css';

interface MetricDef {
  readonly name: string;
  readonly unit: string;
  readonly note: string;
  readonly bars: boolean;
  readonly series: (m: MetricsView) => ChartSeries[];
}

const METRICS: readonly MetricDef[] = [
  {
    name: 'Invocations',
    unit: 'count',
    note: 'Sum per period: every attempt that ran, failed ones included; throttled requests are not invocations.',
    bars: true,
    series: (m) => [{ label: 'Invocations', values: m.invocations, color: '--accent' }],
  },
  {
    name: 'Errors',
    unit: 'count',
    note: 'Sum per period: invocations that raised, timed out or ran out of memory.',
    bars: true,
    series: (m) => [{ label: 'Errors', values: m.errors, color: '--bad' }],
  },
  {
    name: 'Throttles',
    unit: 'count',
    note: 'Sum per period: requests refused with 429 for lack of concurrency.',
    bars: true,
    series: (m) => [{ label: 'Throttles', values: m.throttles, color: '--bad' }],
  },
  {
    name: 'Duration',
    unit: 'ms',
    note: 'p50 and p99 per period, modeled: the CPU time measured in this browser × the CPU share of the memory size, plus time.sleep and modeled AWS calls.',
    bars: false,
    series: (m) => [
      { label: 'p50', values: m.durationP50, color: '--focus' },
      { label: 'p99', values: m.durationP99, color: '--accent' },
    ],
  },
  {
    name: 'ConcurrentExecutions',
    unit: 'count',
    note: 'Maximum per period: environments initializing for or running a request.',
    bars: false,
    series: (m) => [{ label: 'ConcurrentExecutions', values: m.concurrency, color: '--ok' }],
  },
];

const cell = (v: number | null, unit: string) =>
  v === null ? '–' : unit === 'ms' ? `${v.toFixed(2)} ms` : String(v);

export function MetricsPanel() {
  const [fn, setFn] = useState('');
  const data = useWorldRead(
    (kit, live) => {
      const functions = kit.functionNames(live.lab);
      const name = functions.includes(fn) ? fn : null;
      return {
        functions,
        metrics: kit.metricsView(live.lab.world.trace.events, {
          functionName: name,
          nowMs: live.lab.world.now(),
        }),
      };
    },
    [fn],
  );
  if ('missing' in data) return <NotReady why={data.missing} />;
  const { functions, metrics: m } = data.value;
  return (
    <div className="output-view metrics-panel" data-testid="metrics">
      <div className="out-controls">
        <label>
          Function{' '}
          <select
            value={m.functionName ?? ''}
            onChange={(e) => setFn(e.target.value)}
            data-testid="metrics.function"
          >
            <option value="">All functions</option>
            {functions.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="metrics.totals">
          {m.totals.invocations} invocations · {m.totals.errors} errors · {m.totals.throttles} throttles ·
          peak concurrency {m.totals.maxConcurrency}
          {m.times.length > 0 ? ` · period ${formatDuration(m.periodMs)} of virtual time` : ''}
        </span>
        <ExecutedVersions counts={m.byExecutedVersion} />
      </div>
      {m.times.length === 0 ? (
        <p className="muted" data-testid="metrics.empty">
          No invocations yet: the charts start with the first one.
        </p>
      ) : (
        METRICS.map((def) => <Metric key={def.name} def={def} m={m} />)
      )}
    </div>
  );
}

/** Only worth a line once more than one version ran (a weighted alias): Invocations by ExecutedVersion. */
function ExecutedVersions({ counts }: { counts: Readonly<Record<string, number>> }) {
  const entries = Object.entries(counts);
  if (entries.length < 2) return null;
  return (
    <span className="muted" data-testid="metrics.executedVersions">
      Invocations by ExecutedVersion: {entries.map(([v, n]) => `${v}: ${n}`).join(' · ')}
    </span>
  );
}

function Metric({ def, m }: { def: MetricDef; m: MetricsView }) {
  const series = def.series(m);
  const id = `metric-${def.name}`;
  return (
    <figure className="metric" data-testid="metrics.chart" data-metric={def.name} aria-labelledby={id}>
      <figcaption id={id}>
        <strong>{def.name}</strong>{' '}
        {def.name === 'Duration' ? (
          <abbr className="muted" title={def.note}>
            (modeled)
          </abbr>
        ) : null}
        <span className="hint"> {def.note}</span>
      </figcaption>
      <MetricChart times={m.times} series={series} unit={def.unit} bars={def.bars} />
      <details>
        <summary>Data table</summary>
        <table className="res-table" data-testid="metrics.table">
          <caption className="visually-hidden">
            {def.name} per {formatDuration(m.periodMs)} period
          </caption>
          <thead>
            <tr>
              <th scope="col">Period start (UTC)</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.times.map((t, i) => (
              <tr key={t}>
                <th scope="row">{formatTime(t)}</th>
                {series.map((s) => (
                  <td key={s.label}>{cell(s.values[i] ?? null, def.unit)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export default MetricsPanel;
