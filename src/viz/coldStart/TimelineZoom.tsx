/** The timeline's zoom and pan toolbar (buttons and keys) and the marks drawn where idle time is folded. */
import { type KeyboardEvent, memo } from 'react';
import { formatDuration } from '../common/format';
import { MAX_ZOOM, panView, viewForKey, zoomOf, zoomView } from './axisView';
import { type AxisView, type BrokenScale, FULL_VIEW } from './timeAxis';

export interface ZoomBarProps {
  readonly view: AxisView;
  readonly onView: (view: AxisView) => void;
  /** Where zooming keeps still (the playhead, as a fraction of the whole axis). */
  readonly focusU: number;
}

export const ZOOM_KEYS_HINT = 'keys: + zoom in, - zoom out, arrows pan, 0 reset';

/** The zoom keys for the toolbar and the drawing alike (a key handled here goes no further). */
export function zoomKeys(view: AxisView, onView: (view: AxisView) => void, focusU: number) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const next = viewForKey(view, e.key, focusU);
    if (!next) return;
    // The presenter's own arrow keys (next segment) must not fire as well.
    e.preventDefault();
    e.stopPropagation();
    onView(next);
  };
}

/** + and - zoom around the playhead, arrows pan by a quarter of the view, 0 resets. */
export function ZoomBar({ view, onView, focusU }: ZoomBarProps) {
  const zoom = zoomOf(view);
  const onKeyDown = zoomKeys(view, onView, focusU);
  return (
    <div
      className="viz-zoom"
      role="toolbar"
      aria-label={`Timeline zoom (${ZOOM_KEYS_HINT})`}
      onKeyDown={onKeyDown}
      data-testid="timeline.zoom"
      data-zoom={zoom}
    >
      {[
        { label: 'Zoom in', key: '+', text: '+', off: zoom >= MAX_ZOOM, to: () => zoomView(view, 2, focusU) },
        { label: 'Zoom out', key: '-', text: '−', off: zoom <= 1, to: () => zoomView(view, 0.5, focusU) },
        {
          label: 'Pan earlier',
          key: 'ArrowLeft',
          text: '◀',
          off: view.u0 <= 0,
          to: () => panView(view, -0.25),
        },
        {
          label: 'Pan later',
          key: 'ArrowRight',
          text: '▶',
          off: view.u1 >= 1,
          to: () => panView(view, 0.25),
        },
      ].map((b) => (
        <button
          key={b.label}
          type="button"
          aria-label={b.label}
          aria-keyshortcuts={b.key}
          disabled={b.off}
          onClick={() => onView(b.to())}
        >
          {b.text}
        </button>
      ))}
      <button type="button" aria-keyshortcuts="0" disabled={zoom <= 1} onClick={() => onView(FULL_VIEW)}>
        Reset zoom
      </button>
      <span className="muted" aria-live="polite">
        {zoom > 1 ? `${Math.round(zoom * 10) / 10}×` : 'whole run'}
      </span>
    </div>
  );
}

/** Each folded stretch: a band with a zigzag edge, so it never reads as time drawn to scale. */
export const BreakBands = memo(function BreakBands({
  scale,
  height,
  labelY,
}: {
  readonly scale: BrokenScale;
  readonly height: number;
  /** Where to print "15 min idle" (omit for no label). */
  readonly labelY?: number;
}) {
  // Breaks side by side (a quiet stretch split by a shutdown) share one label with their whole length;
  // labels still close together print on alternate lines.
  const groups = labelGroups(scale.breaks);
  let lastLabelX = Number.NEGATIVE_INFINITY;
  let lift = 0;
  const lifts = groups.map((b) => {
    const mid = b.x + b.w / 2;
    lift = mid - lastLabelX < 120 ? (lift + 1) % 3 : 0;
    lastLabelX = mid;
    return lift;
  });
  return (
    <>
      {scale.breaks.map((b) => {
        const zig: string[] = [];
        for (let y = 0; y < height; y += 6) zig.push(`L${b.x + (y % 12 === 0 ? 2 : -2)} ${y}`);
        const right = zig.map((p) => p.replace(/^L([\d.-]+)/, (_, x: string) => `L${Number(x) + b.w}`));
        return (
          <g key={b.startMs} data-testid="timeline.break" data-start-ms={b.startMs} data-end-ms={b.endMs}>
            <rect x={b.x} y={0} width={b.w} height={height} fill="var(--bg)" opacity={0.85} />
            <path d={`M${b.x} 0${zig.join('')}`} fill="none" stroke="var(--viz-line)" strokeWidth={0.75} />
            <path
              d={`M${b.x + b.w} 0${right.join('')}`}
              fill="none"
              stroke="var(--viz-line)"
              strokeWidth={0.75}
            />
            <title>{`${b.label}: folded, not drawn to scale`}</title>
          </g>
        );
      })}
      {/* Labels after every band, so no band covers a neighbour's label. */}
      {labelY === undefined
        ? null
        : groups.map((b, i) => (
            <text
              key={b.startMs}
              {...labelPlace(b, scale)}
              y={labelY - lifts[i]! * 14}
              className="viz-break-label"
              data-testid="timeline.break.label"
            >
              {b.label}
            </text>
          ))}
    </>
  );
});

type DrawnBreak = BrokenScale['breaks'][number];

/** Breaks drawn less than `joinPx` apart (only a moment, such as a shutdown, between them) as one. */
export function labelGroups(breaks: readonly DrawnBreak[], joinPx = 40): DrawnBreak[] {
  const out: DrawnBreak[] = [];
  for (const b of breaks) {
    const last = out[out.length - 1];
    if (last && b.x - (last.x + last.w) < joinPx) {
      const endMs = Math.max(last.endMs, b.endMs);
      out[out.length - 1] = {
        ...last,
        endMs,
        w: b.x + b.w - last.x,
        label: `${formatDuration(endMs - last.startMs)} idle`,
      };
    } else out.push(b);
  }
  return out;
}

/** Centred over its break, but ending at the break near the right edge so the text stays in view. */
function labelPlace(b: DrawnBreak, scale: BrokenScale) {
  const mid = b.x + b.w / 2;
  if (mid > scale.x0 + scale.width - 60) return { x: b.x + b.w, textAnchor: 'end' } as const;
  if (mid < scale.x0 + 60) return { x: b.x, textAnchor: 'start' } as const;
  return { x: mid, textAnchor: 'middle' } as const;
}
