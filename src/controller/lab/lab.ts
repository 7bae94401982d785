/**
 * The controller, loaded on demand: the simulated world, its services and the runtime pool are a large
 * chunk, and none of it is needed to paint the first frame. Components call these thin wrappers.
 */

import type { LabRunner } from '../../host/labRunner';
import type { LabWorld } from '../../host/labWorld';
import type { PredictQuestion } from '../../lessons/checkers/predict';
import type { Course, ExerciseContent } from '../../lessons/course';
import type { Json } from '../../sim/services/json';
import type { ExerciseCheckResult } from '../../store/progressSlice';
import { bootPython } from './pythonBoot';

type Controller = typeof import('./labController');

let loading: Promise<Controller> | null = null;
const controller = (): Promise<Controller> => {
  loading ??= import('./labController');
  return loading;
};

/** Starts (or restarts) Python right away: the worker does not wait for the controller chunk. */
export const startPython = (): void => bootPython();
export const runTest = (): Promise<void> => controller().then((c) => c.runTest());
export const runSnippet = (code: string, handler: string, eventJson: string): Promise<void> =>
  controller().then((c) => c.runSnippet(code, handler, eventJson));
export const checkExercise = (course: Course, exercise: ExerciseContent): Promise<ExerciseCheckResult[]> =>
  controller().then((c) => c.checkExercise(course, exercise));
export const revealPredict = (
  course: Course,
  lessonId: string,
  question: PredictQuestion,
): Promise<{ value: Json }> => controller().then((c) => c.revealPredict(course, lessonId, question));
export const openWorld = (course: Course, lessonId: string, world: string): Promise<void> =>
  controller().then((c) => c.openWorld(course, lessonId, world));
/** Loads an exercise's starter into the workspace and its resources into the learner's world. */
export const loadExercise = (course: Course, exercise: ExerciseContent): Promise<void> =>
  import('./exerciseWorld').then((m) => m.loadExercise(course, exercise));
export const replaceWorld = <T>(build: (lab: LabWorld, runner: LabRunner) => Promise<T>): Promise<T> =>
  controller().then((c) => c.replaceWorld(build));
