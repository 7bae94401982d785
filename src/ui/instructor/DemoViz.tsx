/**
 * The visualizer a demo step asks for, drawn from the demo world's trace: each finished step is
 * animated from its start to its end on the virtual clock (about 1.5 s of wall time whatever the
 * step's length), or shown at its end at once with reduced motion. Scrub with the playback controls.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { VizKind } from '../../instructor/demoSchema';
import type { StepReport } from '../../instructor/demoSession';
import type { TraceEvent } from '../../sim';
import {
  ColdStartTimeline,
  createAnimationFrameScheduler,
  createPlayback,
  FlowDiagram,
  MAX_SPEED,
  PlaybackControls,
  PushPollLanes,
  SPEEDS,
  toFlowModel,
  toPushPollModel,
  toTimelineModel,
  usePlayback,
  usePrefersReducedMotion,
} from '../../viz';

const ANIMATE_WALL_MS = 1500;
/** On the projector the chart is drawn at this scale: its 11-12 px labels read at 20 px or more. */
export const PROJECTOR_ZOOM = 1.82;
const TRAVEL_WALL_MS = 400;

function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(320, Math.floor(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * Few environments get tall rows; a burst gets thin ones, so more fit. On the projector the chart is
 * zoomed, so its rows are shorter in chart units and the concurrency chart stays above the fold.
 */
function rowHeight(rows: number, big: boolean): number {
  if (rows <= 2) return 22;
  if (rows <= 5) return big ? 16 : 22;
  if (rows <= 12) return big ? 12 : 14;
  return big ? 6 : 12;
}

export interface DemoVizProps {
  readonly kind: VizKind;
  readonly events: readonly TraceEvent[];
  /** The step just shown: the playback animates its span. */
  readonly report: StepReport | null;
  readonly big: boolean;
}

export function DemoViz({ kind, events, report, big }: DemoVizProps) {
  if (kind === 'logs') return <LogLines report={report} />;
  if (events.length === 0)
    return (
      <p className="demo-viz-empty muted" data-testid="demo.viz.empty">
        The {kind === 'pushPoll' ? 'push and poll lanes' : kind === 'flow' ? 'event flow' : 'timeline'} fills
        in as the steps run.
      </p>
    );
  return <AnimatedViz kind={kind} events={events} report={report} big={big} />;
}

function LogLines({ report }: { readonly report: StepReport | null }) {
  const lines = report?.logs ?? [];
  return (
    <pre className="demo-logs" data-testid="demo.logs">
      {lines.length > 0 ? lines.join('\n') : 'No log lines in this step.'}
    </pre>
  );
}

function AnimatedViz({ kind, events, report, big }: DemoVizProps) {
  const reducedMotion = usePrefersReducedMotion();
  const { ref, width } = useWidth(big ? 1100 : 640);
  const startMs = events[0]?.t ?? 0;
  const endMs = report?.endMs ?? events[events.length - 1]?.t ?? startMs;
  const [playback] = useState(() =>
    createPlayback({ startMs, endMs, scheduler: createAnimationFrameScheduler(), reducedMotion }),
  );
  useEffect(() => () => playback.dispose(), [playback]);
  useEffect(() => playback.setReducedMotion(reducedMotion), [playback, reducedMotion]);
  // A new step: play its span at the speed that fits it into ANIMATE_WALL_MS.
  useEffect(() => {
    playback.setRange(startMs, Math.max(startMs, endMs));
    if (!report || reducedMotion || report.endMs <= report.startMs) {
      playback.seek(endMs);
      return;
    }
    // The slowest offered speed that still fits the step into ANIMATE_WALL_MS.
    const wanted = (report.endMs - report.startMs) / ANIMATE_WALL_MS;
    playback.setSpeed(SPEEDS.find((s) => s >= wanted) ?? MAX_SPEED);
    playback.seek(report.startMs);
    playback.play();
    // Where frames are starved (a background window, a busy laptop) the step still ends up shown whole.
    const end = report.endMs;
    const settle = setTimeout(() => {
      const s = playback.getState();
      if (s.playing && s.timeMs < end) {
        playback.pause();
        playback.seek(end);
      }
    }, ANIMATE_WALL_MS * 2);
    return () => clearTimeout(settle);
  }, [playback, report, startMs, endMs, reducedMotion]);
  const { timeMs, speed } = usePlayback(playback);
  // A short step after a long idle would be a sliver of the whole demo: the timeline shows the step.
  const [whole, setWhole] = useState(false);
  const zoomed = !whole && report !== null && report.endMs > report.startMs ? report : null;
  const timeline = useMemo(() => (kind === 'timeline' ? toTimelineModel(events) : null), [kind, events]);
  const flow = useMemo(() => (kind === 'flow' ? toFlowModel(events) : null), [kind, events]);
  const lanes = useMemo(() => (kind === 'pushPoll' ? toPushPollModel(events) : null), [kind, events]);
  return (
    <div
      className="demo-viz"
      ref={ref}
      data-testid="demo.viz"
      data-kind={kind}
      data-time-ms={Math.round(timeMs)}
    >
      <PlaybackControls playback={playback} label="Demo visualizer" />
      {kind === 'timeline' ? (
        <label className="demo-zoom">
          <input
            type="checkbox"
            checked={whole}
            onChange={(e) => setWhole(e.currentTarget.checked)}
            data-testid="demo.viz.whole"
          />{' '}
          Whole demo<span className="demo-zoom-long"> (not just this step)</span>
        </label>
      ) : null}
      <div className="demo-viz-body" style={big ? { zoom: PROJECTOR_ZOOM } : undefined}>
        {timeline ? (
          <ColdStartTimeline
            model={timeline}
            timeMs={timeMs}
            width={big ? Math.floor(width / PROJECTOR_ZOOM) : width}
            rowHeight={rowHeight(timeline.rows.length, big)}
            viewportRows={big ? 5 : 14}
            {...(zoomed ? { fromMs: zoomed.startMs, toMs: zoomed.endMs } : {})}
            title="Execution environments"
          />
        ) : null}
        {flow ? (
          <FlowDiagram model={flow} timeMs={timeMs} minTravelMs={TRAVEL_WALL_MS * speed} title="Event flow" />
        ) : null}
        {lanes ? <PushPollLanes model={lanes} timeMs={timeMs} /> : null}
      </div>
    </div>
  );
}
