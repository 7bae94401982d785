/**
 * Predict-the-timeline questions: build the question's world, run its actions with real Python, read
 * the measure. The app reveals this value; CI proves it is the author's expected choice.
 */

import { type CheckerDeps, withWorld } from '../../host/router';
import { type ActionLog, runActions } from '../../host/scenario/actions';
import type { BuiltWorld } from '../../host/scenario/buildWorld';
import type { Json } from '../../host/scenario/events';
import type { TraceName } from '../../sim';
import { type Course, filesUnder, resolveWorld } from '../course';
import type { Measure, Question } from '../quiz';
import { traceEvents } from './traceQuery';
import { deepEqual } from './values';
import { itemCount, queueBodies } from './worldCheck';

export type PredictQuestion = Extract<Question, { type: 'predict' }>;

export interface PredictOutcome {
  readonly value: Json;
  /** The choice whose value the sim produced; null when none does. */
  readonly choiceId: string | null;
}

const forFunction = (w: BuiltWorld, name: TraceName, fn: string) =>
  traceEvents(w.runner.world.trace.events, name).filter(
    (e) => (e as unknown as { functionName?: string }).functionName === fn,
  );

function measure(w: BuiltWorld, m: Measure, log: ActionLog): Json {
  switch (m.measure) {
    case 'coldStart': {
      const start = forFunction(w, 'lambda.invoke.start', m.function)[m.invoke - 1];
      return start?.name === 'lambda.invoke.start' ? start.cold : null;
    }
    case 'invocationCount':
      return forFunction(w, 'lambda.invoke.start', m.function).length;
    case 'environmentCount':
      return forFunction(w, 'lambda.env.created', m.function).length;
    case 'throttleCount':
      return forFunction(w, 'lambda.invoke.throttled', m.function).length;
    case 'queueBodies':
      return queueBodies(w, m.queue);
    case 'httpStatus':
      return log.http[m.request - 1]?.statusCode ?? null;
    case 'itemCount':
      return itemCount(w, m.table);
    case 'versionsRun': {
      const versions = forFunction(w, 'lambda.invoke.start', m.function).flatMap((e) =>
        e.name === 'lambda.invoke.start' ? [e.version] : [],
      );
      return [...new Set(versions)].sort();
    }
    case 'errorType': {
      const response = log.invokes[m.invoke - 1]?.response;
      if (!response?.functionError) return null;
      const payload = JSON.parse(response.payloadJson) as { errorType?: unknown };
      return typeof payload.errorType === 'string' ? payload.errorType : null;
    }
    case 'response': {
      const payload = log.invokes[m.invoke - 1]?.response?.payloadJson;
      return payload === undefined ? null : (JSON.parse(payload) as Json);
    }
    default: {
      const never: never = m;
      throw new Error(`unknown measure ${JSON.stringify(never)}`);
    }
  }
}

/** Runs one predict question of lesson `lessonId` in a fresh world. */
export async function runPredict(
  course: Pick<Course, 'files' | 'lessons'>,
  lessonId: string,
  q: PredictQuestion,
  deps: CheckerDeps,
): Promise<PredictOutcome> {
  const world = resolveWorld(course as Course, lessonId, q.world);
  if (!world) throw new Error(`${lessonId}/${q.id}: no world ${q.world}`);
  const lessonDir = `lessons/${lessonId}`;
  const input = {
    spec: world.spec,
    dirFiles: (dir: string) => filesUnder(course.files, `${world.baseDir}/${dir}`),
    workspace: { files: {}, config: {} },
    mapping: [],
  };
  const readFile = (path: string) => course.files.get(path);
  const value = await withWorld(deps, input, async (w) => {
    const log = await runActions(w, q.actions, lessonDir, readFile);
    return measure(w, q.measure, log);
  });
  return { value, choiceId: q.choices.find((c) => deepEqual(c.value, value))?.id ?? null };
}
