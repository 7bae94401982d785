/** The text alternative for every view: the trace up to the playhead, in words, as a table. */
import './viz.css';
import { useMemo } from 'react';
import { formatOffset } from './common/format';
import { createEventIndex, DEFAULT_HIDDEN_PREFIXES, eventRowsAt } from './eventRows';
import type { TraceLike } from './trace/looseEvents';

export interface EventTableProps {
  readonly events: readonly TraceLike[];
  /** Only events at or before this virtual time; all when omitted. */
  readonly timeMs?: number;
  /** The newest rows shown (default 200): a long trace is summarised, not dumped. */
  readonly maxRows?: number;
  readonly hidePrefixes?: readonly string[];
  readonly caption?: string;
}

export function EventTable(props: EventTableProps) {
  const {
    events,
    timeMs,
    maxRows = 200,
    hidePrefixes = DEFAULT_HIDDEN_PREFIXES,
    caption = 'Trace events',
  } = props;
  // The trace is append-only: a new length means new events, so the index is rebuilt only then.
  const index = useMemo(() => createEventIndex(events, hidePrefixes), [events, events.length, hidePrefixes]);
  const { rows, total } = eventRowsAt(index, timeMs, maxRows);
  const startMs = events[0]?.t ?? 0;
  return (
    <table className="viz-table" data-testid="viz.events">
      <caption>
        {caption}: {total > rows.length ? `the last ${rows.length} of ${total}` : `${total}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Event</th>
          <th scope="col">What happened</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.seq} data-seq={r.seq} data-name={r.name}>
            <td>{formatOffset(r.t, startMs)}</td>
            <td>
              <code>{r.name}</code>
            </td>
            <td>{r.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
