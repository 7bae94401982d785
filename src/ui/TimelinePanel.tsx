/**
 * The cold-start timeline of the learner's own world: one row per execution environment, Init split into
 * its modeled and measured parts, invokes and idle gaps, played back on the virtual clock.
 */
import { useEffect, useMemo, useState } from 'react';
import { worldTrace } from '../controller/labController';
import { useLabStore } from '../store/labStore';
import {
  ColdStartTimeline,
  createAnimationFrameScheduler,
  createPlayback,
  PlaybackControls,
  toTimelineModel,
  usePlayback,
  usePrefersReducedMotion,
} from '../viz';

export default function TimelinePanel() {
  const version = useLabStore((s) => s.traceVersion);
  const reducedMotion = usePrefersReducedMotion();
  // The model is rebuilt only when the trace grew (after a Test), never per frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the trace's change signal
  const model = useMemo(() => toTimelineModel(worldTrace()), [version]);
  const [playback] = useState(() =>
    createPlayback({
      startMs: model.startMs,
      endMs: model.endMs,
      scheduler: createAnimationFrameScheduler(),
    }),
  );
  useEffect(() => {
    playback.setRange(model.startMs, model.endMs);
    playback.seek(model.endMs);
  }, [playback, model]);
  useEffect(() => playback.setReducedMotion(reducedMotion), [playback, reducedMotion]);
  const { timeMs } = usePlayback(playback);
  if (model.rows.length === 0)
    return <p className="muted">Run a Test: each execution environment gets a row here.</p>;
  return (
    <div className="timeline-panel" data-testid="viz.timeline">
      <PlaybackControls playback={playback} label="Timeline playback" />
      <ColdStartTimeline
        model={model}
        timeMs={timeMs}
        width={360}
        viewportRows={6}
        title="Execution environments"
      />
    </div>
  );
}
