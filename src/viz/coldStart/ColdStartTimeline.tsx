/**
 * The cold-start timeline: a throttle lane, one virtualised row per execution environment, and a
 * concurrency chart with latency percentiles, all drawn at `timeMs` from a prebuilt model.
 */
import '../viz.css';
import { memo, useId, useMemo, useState } from 'react';
import { formatDuration, plural } from '../common/format';
import { Patterns, patternIds } from '../common/Patterns';
import { dataScale, type TimeScale } from '../common/scale';
import { TextAlternative } from '../common/TextAlternative';
import { stepPath } from './stepPath';
import { TimelineLegend } from './TimelineLegend';
import { TimelineRow } from './TimelineRow';
import { TimelineTable } from './TimelineTable';
import { BreakBands, ZOOM_KEYS_HINT, ZoomBar, zoomKeys } from './TimelineZoom';
import {
  type AxisView,
  type BrokenScale,
  brokenTicks,
  createBrokenScale,
  FULL_VIEW,
  type IdleGap,
  idleGaps,
} from './timeAxis';
import { timelineFrameAt } from './timelineFrame';
import type { TimelineModel } from './timelineTypes';

export interface ColdStartTimelineProps {
  readonly model: TimelineModel;
  /** The virtual time to draw at. */
  readonly timeMs: number;
  readonly width?: number;
  readonly rowHeight?: number;
  /** Rows visible without scrolling; the rest are virtualised. */
  readonly viewportRows?: number;
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly title?: string;
  /** Idle stretches drawn as short breaks; by default those of the model (see idleGaps). */
  readonly gaps?: readonly IdleGap[];
}

/** The row labels' column: narrower in a narrow column (a lesson's), so the time axis keeps its room. */
const labelWidthFor = (width: number) => (width < 480 ? 72 : 112);
/** Room on the right for the rows' scrollbar, so it never sits over the last moments. */
const RIGHT_PAD = 20;
const LANE = 18;
const CHART = 64;
const OVERSCAN = 4;

export function ColdStartTimeline(props: ColdStartTimelineProps) {
  const {
    model,
    timeMs,
    width = 800,
    rowHeight = 14,
    viewportRows = 24,
    title = 'Cold-start timeline',
  } = props;
  const prefix = useId().replace(/:/g, '');
  // Stable, so a row's props stay equal between frames and its memo holds.
  const patterns = useMemo(() => patternIds(prefix), [prefix]);
  const [scrollTop, setScrollTop] = useState(0);
  const [view, setView] = useState<AxisView>(FULL_VIEW);
  const originMs = props.fromMs ?? model.startMs;
  const untilMs = props.toMs ?? model.endMs;
  const ownGaps = useMemo(
    () => props.gaps ?? idleGaps(model, { fromMs: originMs, toMs: untilMs }),
    [props.gaps, model, originMs, untilMs],
  );
  const scale = useMemo(
    () =>
      createBrokenScale(
        originMs,
        untilMs,
        ownGaps,
        labelWidthFor(width),
        width - labelWidthFor(width) - RIGHT_PAD,
        view,
      ),
    [originMs, untilMs, ownGaps, width, view],
  );
  // Zoom keeps the playhead still: its place as a fraction of the whole axis.
  const whole = useMemo(
    () => createBrokenScale(originMs, untilMs, ownGaps, 0, 1),
    [originMs, untilMs, ownGaps],
  );
  const frame = timelineFrameAt(model, timeMs);
  const px = scale.xOf(Math.min(Math.max(timeMs, scale.fromMs), scale.toMs));
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(model.rows.length, first + viewportRows + OVERSCAN * 2);
  const conc = useMemo(
    () => stepPath(model.concurrency, scale, CHART - 8, model.concurrency.max),
    [model, scale],
  );
  const lat = frame.latency;
  const summary =
    `${title} at ${formatDuration(timeMs - originMs)}: ${plural(frame.rowCount, 'environment')} created, ` +
    `${frame.environmentsAlive} alive, concurrency ${frame.concurrency}, ${plural(frame.throttleCount, 'throttle')}` +
    (lat.count > 0 ? `, latency p50 ${formatDuration(lat.p50)}, p99 ${formatDuration(lat.p99)}.` : '.') +
    (scale.breaks.length > 0 ? ` Folded idle time: ${scale.breaks.map((b) => b.label).join(', ')}.` : '');
  return (
    <figure className="viz" data-testid="timeline" data-time-ms={timeMs} {...dataScale(scale)}>
      <figcaption>{title}</figcaption>
      <ZoomBar view={view} onView={setView} focusU={whole.xOf(timeMs)} />
      {/* Focusable, so the zoom keys work on the drawing itself, not only on its toolbar. */}
      <div
        role="img"
        aria-label={summary}
        aria-keyshortcuts="+ - ArrowLeft ArrowRight 0"
        aria-description={`Zoom ${ZOOM_KEYS_HINT}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the drawing takes the zoom keys (aria-keyshortcuts)
        tabIndex={0}
        className="viz-drawing"
        onKeyDown={zoomKeys(view, setView, whole.xOf(timeMs))}
        data-testid="timeline.drawing"
      >
        <div className="viz-layer">
          <svg width={width} height={LANE} data-testid="timeline.throttles" aria-hidden="true">
            <text x={4} y={LANE - 5} className="muted">
              throttles
            </text>
            <ThrottleMarks model={model} scale={scale} />
          </svg>
          <Cover x={px} width={width} height={LANE} />
        </div>
        <div className="viz-layer">
          <div
            className="viz-scroll"
            style={{ maxHeight: viewportRows * rowHeight, width }}
            onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          >
            <svg width={width - 2} height={Math.max(1, model.rows.length) * rowHeight} aria-hidden="true">
              <Patterns prefix={prefix} />
              {model.rows.slice(first, last).map((row) => (
                <TimelineRow
                  key={row.envId}
                  row={row}
                  scale={scale}
                  y={row.index * rowHeight}
                  height={rowHeight}
                  labelWidth={scale.x0}
                  patterns={patterns}
                />
              ))}
              <BreakBands scale={scale} height={Math.max(1, model.rows.length) * rowHeight} />
            </svg>
          </div>
          {/* Over the scroll viewport, clear of the scrollbar on the right. */}
          <Cover x={px} width={scale.x0 + scale.width + 2} testId="timeline.playhead" />
        </div>
        <div className="viz-layer">
          <svg width={width} height={CHART + 16} data-testid="timeline.concurrency" aria-hidden="true">
            <text x={4} y={14} className="muted">
              concurrency
            </text>
            <ChartBody d={conc} scale={scale} originMs={originMs} />
          </svg>
          <Cover x={px} width={width} height={CHART} />
          <span className="viz-layer-value" data-testid="timeline.concurrency.value">
            {`${frame.concurrency} (max ${model.concurrency.max})`}
          </span>
        </div>
        <p data-testid="timeline.latency">
          {lat.count > 0
            ? `Latency over ${plural(lat.count, 'invocation')}: p50 ${formatDuration(lat.p50)}, p90 ${formatDuration(lat.p90)}, p99 ${formatDuration(lat.p99)}`
            : 'No invocation has finished yet.'}
        </p>
      </div>
      {/* Below the drawing, so a short screen (a projector at 720 px) shows the chart first. */}
      <TimelineLegend patterns={patterns} prefix={prefix} folded={ownGaps.length > 0} />
      <TextAlternative label="environments table" testId="timeline.alternative">
        <p>{summary}</p>
        <TimelineTable model={model} rowCount={frame.rowCount} originMs={originMs} />
      </TextAlternative>
    </figure>
  );
}

/**
 * What has not happened yet, covered: a layer of its own whose left edge is the playhead. The drawing
 * under it is built and painted once per model; a frame only moves this layer (a transform), so playing
 * 1,000 environments costs what playing one does.
 */
function Cover(props: {
  readonly x: number;
  readonly width: number;
  readonly height?: number;
  readonly testId?: string;
}) {
  return (
    <div
      className="viz-cover-clip"
      style={{
        width: props.width,
        ...(props.height === undefined ? { bottom: 0 } : { height: props.height }),
      }}
      aria-hidden="true"
    >
      <div
        className="viz-cover"
        data-testid={props.testId}
        data-x={props.x}
        style={{ transform: `translateX(${props.x}px)` }}
      />
    </div>
  );
}

/** The concurrency line and the time axis: drawn once per model and scale. */
const ChartBody = memo(function ChartBody({
  d,
  scale,
  originMs,
}: {
  readonly d: string;
  readonly scale: BrokenScale;
  readonly originMs: number;
}) {
  return (
    <>
      <path d={d} fill="none" stroke="var(--viz-line)" />
      <BreakBands scale={scale} height={CHART + 16} labelY={CHART - 10} />
      {/* About one label per 90 px, so a narrow lesson column does not print them over each other. */}
      {tickLabels(brokenTicks(scale, 90), originMs).map(([t, label]) => (
        <text
          key={t}
          x={scale.xOf(t)}
          y={CHART + 12}
          // A tick at the right edge ends there, so its label is not cut off.
          textAnchor={scale.xOf(t) > scale.x0 + scale.width - 30 ? 'end' : 'middle'}
          className="muted"
        >
          {label}
        </text>
      ))}
    </>
  );
});

/** Tick labels, dropping a tick that would print the same text as the one before (after a fold, "15 min 3 s"). */
function tickLabels(ticks: readonly number[], originMs: number): [number, string][] {
  const out: [number, string][] = [];
  for (const t of ticks) {
    const label = t === originMs ? '0' : formatDuration(t - originMs);
    if (out[out.length - 1]?.[1] !== label) out.push([t, label]);
  }
  return out;
}

/** Every throttle as a mark on the lane, drawn once per model (the future is covered, not removed). */
const ThrottleMarks = memo(function ThrottleMarks({
  model,
  scale,
}: {
  readonly model: TimelineModel;
  readonly scale: TimeScale;
}) {
  return (
    <>
      {model.throttles.map((m) =>
        m.t < scale.fromMs || m.t > scale.toMs ? null : (
          <path
            key={`${m.requestId}-${m.t}`}
            data-testid="timeline.throttle"
            data-kind="throttle"
            data-t-ms={m.t}
            d={`M${scale.xOf(m.t) - 4} 3H${scale.xOf(m.t) + 4}L${scale.xOf(m.t)} ${LANE - 3}Z`}
            fill="var(--viz-bad)"
          />
        ),
      )}
    </>
  );
});
