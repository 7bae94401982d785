/**
 * The classroom's reveal of a predict-the-timeline question: runs the question's world with real Python
 * (as the solo reveal does) and keeps that world's trace, so the instructor's screen can replay it in
 * the cold-start timeline while the class sees the answer.
 */

import type { LabWorld } from '../../host/labWorld';
import type { LabRouter } from '../../host/router';
import { type PredictQuestion, runPredict } from '../../lessons/checkers/predict';
import type { Course } from '../../lessons/course';
import type { TraceEvent } from '../../sim';
import type { Json } from '../../sim/services/json';
import { browserLab } from '../lab/browserLab';

export interface PredictReplay {
  readonly value: Json;
  /** The choice the simulation's value matches; null when none does. */
  readonly choiceId: string | null;
  /** Every event of the question's world, for the visualizers. */
  readonly trace: readonly TraceEvent[];
}

export async function replayPredict(
  course: Course,
  lessonId: string,
  q: PredictQuestion,
): Promise<PredictReplay> {
  const lab = browserLab();
  if (!lab.home()) throw new Error('Python is not ready yet: the replay runs once the status says ready.');
  const { runtime, router: shared } = lab.deps();
  let world: LabWorld | null = null;
  // The lab's router, remembering the world the question builds, so its trace outlives the run.
  const router: LabRouter = {
    ...shared,
    register(built) {
      world = built;
      return shared.register(built);
    },
  };
  return lab.jobs.now(async () => {
    const outcome = await runPredict(course, lessonId, q, { runtime, router });
    const trace = (world as LabWorld | null)?.world.trace.events ?? [];
    return { value: outcome.value, choiceId: outcome.choiceId, trace: [...trace] };
  }, 'A test or check is running in the lab; reveal again when it ends.');
}
