/** Two or three configurations on the same traffic, one timeline above the other on a shared time axis. */
import '../viz.css';
import { ColdStartTimeline } from '../coldStart/ColdStartTimeline';
import type { IdleGap } from '../coldStart/timeAxis';
import { formatDuration, formatUsd } from '../common/format';
import type { WhatIfResult, WhatIfSide } from './whatIf';

/** Both sides on one linear axis, so the same moment sits at the same x (no per-side idle folds). */
const SAME_AXIS: readonly IdleGap[] = [];

export interface WhatIfTimelinesProps {
  readonly result: WhatIfResult;
  readonly timeMs: number;
  readonly width?: number;
  readonly viewportRows?: number;
}

function describeConfig(s: WhatIfSide): string {
  const c = s.config;
  return [
    `${c.memoryMb} MB`,
    c.runtime,
    c.architecture ?? 'x86_64',
    `${c.packageSizeMb} MB package`,
    c.provisionedConcurrency > 0 ? `PC ${c.provisionedConcurrency}` : null,
    c.vpc ? 'VPC' : null,
    c.snapStart ? 'SnapStart' : null,
  ]
    .filter((x) => x !== null)
    .join(', ');
}

export function WhatIfTimelines({ result, timeMs, width = 800, viewportRows = 8 }: WhatIfTimelinesProps) {
  const sides = result.c ? [result.a, result.b, result.c] : [result.a, result.b];
  return (
    <section className="viz" data-testid="whatif" aria-label="What-if comparison">
      <table className="viz-table" data-testid="whatif.summary">
        <caption>
          Same traffic, {sides.length === 3 ? 'three' : 'two'} configurations (Init platform parts and costs
          are modeled)
        </caption>
        <thead>
          <tr>
            <th scope="col">Configuration</th>
            <th scope="col">Cold starts</th>
            <th scope="col">p50</th>
            <th scope="col">p99</th>
            <th scope="col">Throttles</th>
            <th scope="col">Billed GB-s</th>
            <th scope="col">Cost (modeled, before the free tier)</th>
          </tr>
        </thead>
        <tbody>
          {sides.map((s) => {
            const sum = s.timeline?.summary;
            return (
              <tr key={s.config.label}>
                <th scope="row">
                  {s.config.label}: {describeConfig(s)}
                </th>
                <td>{sum?.coldStarts ?? '–'}</td>
                <td>{sum ? formatDuration(sum.latency.p50) : '–'}</td>
                <td>{sum ? formatDuration(sum.latency.p99) : '–'}</td>
                <td>{sum?.throttles ?? '–'}</td>
                <td>{s.gbSeconds.toFixed(4)}</td>
                <td data-testid={`whatif.cost.${s.config.label}`} data-usd={s.costUsd}>
                  {formatUsd(s.costUsd)}
                  {s.costApproximate ? ' (approximate)' : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sides.some((s) => s.config.snapStart) ? (
        <p className="muted" data-testid="whatif.snapstart.note">
          SnapStart (modeled): publishing runs Init once and caches the snapshot, billed per GB-second for at
          least 3 hours per version; each cold start restores it, billed per GB restored. The prices are not
          confirmed in the lab's facts.
        </p>
      ) : null}
      {sides.map((s) =>
        s.timeline ? (
          <ColdStartTimeline
            key={s.config.label}
            model={s.timeline}
            timeMs={timeMs}
            width={width}
            viewportRows={viewportRows}
            fromMs={result.startMs}
            toMs={result.endMs}
            gaps={SAME_AXIS}
            title={`${s.config.label}: ${describeConfig(s)}`}
          />
        ) : (
          <p key={s.config.label} role="alert">
            {s.config.label} could not run: {s.error}
          </p>
        ),
      )}
    </section>
  );
}
