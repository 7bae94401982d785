/** The timeline's text alternative: one table row per environment created by the frame time. */
import { memo } from 'react';
import { formatDuration, formatOffset } from '../common/format';
import type { TimelineModel } from './timelineTypes';

const MAX_ROWS = 200;

function initMs(row: TimelineModel['rows'][number], modeled: boolean): number {
  let ms = 0;
  for (const s of row.spans) {
    if (!s.suppressed && s.kind === (modeled ? 'init-modeled' : 'init-measured')) ms += s.endMs - s.startMs;
  }
  return ms;
}

/** Re-rendered only when an environment appears (rowCount), not on every frame. */
function TimelineTableView({
  model,
  rowCount,
  originMs = model.startMs,
}: {
  readonly model: TimelineModel;
  readonly rowCount: number;
  /** Times are offsets from here (the axis' origin). */
  readonly originMs?: number;
}) {
  const rows = model.rows.slice(0, Math.min(rowCount, MAX_ROWS));
  return (
    <table className="viz-table" data-testid="timeline.table">
      <caption>
        Execution environments ({rowCount} of {model.rows.length} created so far)
      </caption>
      <thead>
        <tr>
          <th scope="col">Environment</th>
          <th scope="col">Type</th>
          <th scope="col">Created</th>
          <th scope="col">Init, modeled</th>
          <th scope="col">Init, measured</th>
          <th scope="col">Invokes (cold)</th>
          <th scope="col">Shut down</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.envId} data-env-id={r.envId}>
            <th scope="row">{r.envId.slice(0, 8)}</th>
            <td>{r.initType}</td>
            <td>{formatOffset(r.createdAt, originMs)}</td>
            <td>{formatDuration(initMs(r, true))}</td>
            <td>{formatDuration(initMs(r, false))}</td>
            <td>
              {r.invokes} ({r.coldInvokes})
            </td>
            <td>
              {r.goneAt === null ? '–' : `${formatOffset(r.goneAt, originMs)} (${r.shutdownReason ?? ''})`}
            </td>
          </tr>
        ))}
      </tbody>
      {rowCount > MAX_ROWS ? (
        <tfoot>
          <tr>
            <td colSpan={7}>and {rowCount - MAX_ROWS} more environments</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

export const TimelineTable = memo(TimelineTableView);
