/**
 * The classroom's reveal of a predict-the-timeline question: runs the question's world with real Python
 * (as the solo reveal does) and keeps that world's trace, so the instructor's screen can replay it in
 * the cold-start timeline while the class sees the answer.
 */

import type { LabWorld } from '../../host/labWorld';
import { createLabRouter, type LabRouter } from '../../host/router';
import { type PredictQuestion, runPredict } from '../../lessons/checkers/predict';
import type { Course } from '../../lessons/course';
import type { TraceEvent } from '../../sim';
import type { Json } from '../../sim/services/json';
import { useLabStore } from '../../store/labStore';
import { ensureLab } from '../lab/labController';
import { currentAwsCall, setAwsCall } from '../lab/pythonBoot';

export interface PredictReplay {
  readonly value: Json;
  /** The choice the simulation's value matches; null when none does. */
  readonly choiceId: string | null;
  /** Every event of the question's world, for the visualizers. */
  readonly trace: readonly TraceEvent[];
}

/** Classroom worlds get seeds of their own (environment ids derive from them). */
const inner = createLabRouter(700_000);

export async function replayPredict(
  course: Course,
  lessonId: string,
  q: PredictQuestion,
): Promise<PredictReplay> {
  const live = ensureLab();
  if (!live) throw new Error('Python is not ready yet: the replay runs once the status says ready.');
  const store = useLabStore.getState();
  if (store.running) throw new Error('A test or check is running in the lab; reveal again when it ends.');
  let world: LabWorld | null = null;
  // The same router, remembering the world it is pointed at, so its trace outlives the run.
  const router: LabRouter = {
    awsCall: inner.awsCall,
    nextSeed: inner.nextSeed,
    activate(lab) {
      if (lab) world = lab;
      inner.activate(lab);
    },
  };
  store.setRunning(true);
  const previous = currentAwsCall();
  setAwsCall(router.awsCall);
  try {
    const outcome = await runPredict(course, lessonId, q, { runtime: live.runtime, router });
    const trace = (world as LabWorld | null)?.world.trace.events ?? [];
    return { value: outcome.value, choiceId: outcome.choiceId, trace: [...trace] };
  } finally {
    setAwsCall(previous);
    useLabStore.getState().setRunning(false);
  }
}
