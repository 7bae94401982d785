/**
 * What every time-based view shares: the playback controls above the drawing and, below it, the event
 * table (the text alternative), rendered only while it is open so playing does not redraw 200 rows.
 */
import { type ReactNode, useState } from 'react';
import type { TraceEvent } from '../../sim';
import { EventTable, type Playback, PlaybackControls } from '../../viz';

export interface VizFrameProps {
  readonly name: string;
  readonly label: string;
  readonly playback: Playback;
  readonly timeMs: number;
  /** The trace the event table reads; without one there is no table (the view has its own). */
  readonly events?: readonly TraceEvent[];
  readonly children: ReactNode;
  readonly tools?: ReactNode;
  /** Settings that belong under the drawing (the scenario's knobs). */
  readonly footer?: ReactNode;
}

export function VizFrame({ name, label, playback, timeMs, events, children, tools, footer }: VizFrameProps) {
  const [tableOpen, setTableOpen] = useState(false);
  const range = playback.getState();
  return (
    <div
      className="viz-view"
      data-testid={`viz.view.${name}`}
      data-time-ms={timeMs}
      data-start-ms={range.startMs}
      data-end-ms={range.endMs}
    >
      {tools}
      <PlaybackControls playback={playback} label={label} />
      <div className="viz-view-body">{children}</div>
      {footer}
      {events ? (
        <details
          className="viz-events"
          data-testid={`viz.view.${name}.events`}
          onToggle={(e) => setTableOpen(e.currentTarget.open)}
        >
          <summary>Event table: everything up to the playhead, in words</summary>
          {tableOpen ? <EventTable events={events} timeMs={timeMs} caption={`${label} events`} /> : null}
        </details>
      ) : null}
    </div>
  );
}

/** A view with nothing to draw yet says what would fill it. */
export function EmptyState({ name, children }: { readonly name: string; readonly children: ReactNode }) {
  return (
    <div className="viz-empty" data-testid={`viz.empty.${name}`}>
      {children}
    </div>
  );
}
