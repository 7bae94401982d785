/**
 * After the reveal of a predict-the-timeline question: the simulation runs the question's world and the
 * class watches it play back in the cold-start timeline, beside the value it measured.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PredictReplay as Replay } from '../../controller/scenarios/classroomReplay';
import type { Course } from '../../lessons/course';
import type { Question } from '../../lessons/quiz';
import { useLabStore } from '../../store/labStore';
import { ColdStartTimeline } from '../../viz/coldStart/ColdStartTimeline';
import { toTimelineModel } from '../../viz/coldStart/toTimelineModel';
import { createAnimationFrameScheduler, createPlayback, SPEEDS } from '../../viz/playback/createPlayback';
import { PlaybackControls } from '../../viz/playback/PlaybackControls';
import { usePlayback, usePrefersReducedMotion } from '../../viz/playback/usePlayback';
import { describeMeasured } from '../course/QuestionView';

type PredictQuestion = Extract<Question, { type: 'predict' }>;

export interface PredictReplayProps {
  readonly course: Course;
  readonly lessonId: string;
  readonly question: PredictQuestion;
  /** False where the measured value is already on screen (the lesson's own quiz card). */
  readonly showMeasured?: boolean;
}

export function PredictReplay({ course, lessonId, question, showMeasured = true }: PredictReplayProps) {
  const ready = useLabStore((s) => s.python.state === 'ready');
  const [result, setResult] = useState<Replay | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    setError(null);
    import('../../controller/scenarios/classroomReplay')
      .then((m) => m.replayPredict(course, lessonId, question))
      .then(
        (r) => live && setResult(r),
        (e: unknown) =>
          live && setError(`The simulation could not run: ${e instanceof Error ? e.message : String(e)}`),
      );
    return () => {
      live = false;
    };
  }, [ready, course, lessonId, question]);

  return (
    <section
      className="classroom-replay"
      aria-label="Replay in the simulation"
      data-testid="classroom.replay"
    >
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {error === null && result === null && (
        <p className="muted" aria-live="polite">
          {ready
            ? 'Running the question’s world in the simulation…'
            : 'Python is starting; the replay runs when it is ready…'}
        </p>
      )}
      {result !== null && (
        <>
          {showMeasured ? (
            <p data-testid="classroom.measured" aria-live="polite">
              The simulation measured: <strong>{describeMeasured(question, result.value)}</strong>
            </p>
          ) : null}
          <ReplayTimeline trace={result.trace} />
        </>
      )}
    </section>
  );
}

function ReplayTimeline({ trace }: { readonly trace: Replay['trace'] }) {
  const model = useMemo(() => toTimelineModel(trace), [trace]);
  const reducedMotion = usePrefersReducedMotion();
  const [playback] = useState(() =>
    createPlayback({
      startMs: model.startMs,
      endMs: model.endMs,
      scheduler: createAnimationFrameScheduler(),
    }),
  );
  useEffect(() => {
    playback.setReducedMotion(reducedMotion);
    playback.setRange(model.startMs, model.endMs);
    // Played from the start for the class in about five seconds; with reduced motion, shown at its end.
    const wanted = (model.endMs - model.startMs) / 5000;
    playback.setSpeed(SPEEDS.find((s) => s >= wanted) ?? SPEEDS[SPEEDS.length - 1] ?? 1);
    if (reducedMotion) playback.seek(model.endMs);
    else playback.replay();
    return () => playback.pause();
  }, [playback, model, reducedMotion]);
  const { timeMs } = usePlayback(playback);
  if (model.rows.length === 0) return <p className="muted">This world created no execution environments.</p>;
  return (
    <div data-testid="classroom.timeline">
      <PlaybackControls playback={playback} label="Replay" />
      <ColdStartTimeline
        model={model}
        timeMs={timeMs}
        width={720}
        viewportRows={8}
        title="What the simulation did"
      />
    </div>
  );
}
