/**
 * The browser's imperative shell: owns the Python worker pool and the simulated world (services, so they
 * live here and not in the store), deploys the learner's draft, runs Test through the world, and mirrors
 * status and results into the store.
 */

import { createLabRunner, type LabRunner } from '../../host/labRunner';
import { createLabWorld, type LabWorld } from '../../host/labWorld';
import { type CheckerDeps, createLabRouter } from '../../host/router';
import { buildWorld } from '../../host/scenario/buildWorld';
import { type PredictQuestion, runPredict } from '../../lessons/checkers/predict';
import { runChecks } from '../../lessons/checkers/runChecks';
import { type Course, type ExerciseContent, filesUnder, resolveWorld } from '../../lessons/course';
import { validateEventJson } from '../../lib/validateJson';
import type { PooledRuntime } from '../../runtime/pool/pooledRuntime';
import { cpuScaleFor, type TraceEvent } from '../../sim';
import type { Json } from '../../sim/services/json';
import { useLabStore } from '../../store/labStore';
import type { ExerciseCheckResult } from '../../store/progressSlice';
import { type FunctionDraft, WORKSPACE_VERSION } from '../../store/workspaceDoc';
import { selectActiveFunction } from '../../store/workspaceSlice';
import { deployOnRunner, LIVE_ALIAS } from '../deploy/deploy';
import { lastFourKb, requestLogLines } from '../readModels/requestLogs';
import { workspaceForChecks, worldFunctionDraft, worldLayers } from './exerciseWorkspace';
import { currentRuntime, setAwsCall } from './pythonBoot';

let runtime: PooledRuntime | null = null;
let runner: LabRunner | null = null;
let lab: LabWorld | null = null;
/** Routes boto3 calls to the learner's world, or to an exercise check's world while one runs. */
const router = createLabRouter();

export interface LiveLab {
  readonly runtime: PooledRuntime;
  readonly runner: LabRunner;
  readonly lab: LabWorld;
}

/** Views re-read the world once per frame at most, however many trace events a step appended. */
let unsubscribeTrace: (() => void) | null = null;
let bumpQueued = false;
function watchWorld(next: LabWorld): void {
  unsubscribeTrace?.();
  const bump = () => {
    if (bumpQueued) return;
    bumpQueued = true;
    const flush = () => {
      bumpQueued = false;
      useLabStore.getState().worldChanged();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
    else queueMicrotask(flush);
  };
  unsubscribeTrace = next.world.trace.subscribe(bump);
  bump();
}

/** Swaps in a new world (a Retry's new runtime, "open in the lab", a reset): views follow it. */
function adoptWorld(next: LabWorld, nextRunner: LabRunner): void {
  lab = next;
  runner = nextRunner;
  router.activate(next);
  watchWorld(next);
}

function newLab(): LabWorld {
  // The lab's world starts at the learner's wall-clock time; from then on only virtual time moves it.
  // Each function's deploy brings its own role from the role editor; the world's shared lab role is
  // only the console's default (logging), never an allow-everything role.
  const now = Date.now();
  return createLabWorld({ seed: now % 2 ** 31, startTimeMs: now, access: 'basic' });
}

/** The learner's world on the current runtime; a new one after a Retry replaced the runtime. */
export function ensureLab(): LiveLab | null {
  const current = currentRuntime();
  if (!current) return null;
  if (runtime !== current || !runner || !lab) {
    runtime = current;
    const next = newLab();
    adoptWorld(next, createLabRunner(next.world, current));
    setAwsCall(router.awsCall);
  }
  if (!runner || !lab) return null;
  return { runtime, runner, lab };
}

export async function runTest(): Promise<void> {
  const state = useLabStore.getState();
  const name = state.workspace.activeFunction;
  const fn = selectActiveFunction(state);
  const eventJson = fn.events[fn.activeEvent] ?? '';
  const live = ensureLab();
  if (!validateEventJson(eventJson).ok || state.python.state !== 'ready' || state.running || !live) return;
  state.setRunning(true);
  const current = live.runner;
  try {
    const deployed = await deployOnRunner(live.lab, current, name, state.workspace);
    if (!deployed.ok) {
      const { field, message } = deployed;
      useLabStore.getState().setDeployError({ functionName: name, field, message });
      useLabStore.getState().setRunError(`Deploy refused: ${message}`);
      return;
    }
    useLabStore.getState().setDeployError(null);
    // With provisioned concurrency, Test goes through the alias that holds it (as a client would).
    const qualifier = fn.provisionedConcurrency > 0 ? LIVE_ALIAS : undefined;
    const { accepted, response } = await current.invoke({
      functionName: name,
      qualifier,
      payloadJson: eventJson,
    });
    if (!accepted.ok) {
      useLabStore.getState().setRunError(`${accepted.error.name}: ${accepted.error.message}`);
      return;
    }
    if (!response) throw new Error('The invocation ended without a response.');
    const events = current.world.logs.events(`/aws/lambda/${name}`, response.logStreamName);
    const logs = lastFourKb(requestLogLines(events, response.requestId));
    useLabStore.getState().setResult({
      status: response.functionError ? 'Failed' : 'Succeeded',
      responseJson: response.payloadJson,
      logs: logs.text.split('\n'),
      requestId: response.requestId,
      durationMs: response.durationMs,
      billedDurationMs: response.billedDurationMs,
      initDurationMs: response.initDurationMs,
      memorySizeMb: fn.memorySize,
      cpuScale: cpuScaleFor(fn.memorySize),
      model: response.model,
    });
  } catch (error) {
    useLabStore.getState().setRunError(error instanceof Error ? error.message : String(error));
  }
}

/** Runs a lesson's snippet once in a throwaway environment and shows it as the Test result. */
export async function runSnippet(code: string, handler: string, eventJson: string): Promise<void> {
  const state = useLabStore.getState();
  ensureLab();
  if (state.python.state !== 'ready' || state.running || !runtime) return;
  state.setRunning(true);
  const module = handler.slice(0, handler.lastIndexOf('.'));
  try {
    const result = await runtime.quickRun({
      files: { [`${module.replaceAll('.', '/')}.py`]: code },
      handler,
      eventJson,
    });
    useLabStore.getState().setResult({
      status: result.ok ? 'Succeeded' : 'Failed',
      responseJson: result.payloadJson,
      logs: result.stdout,
      requestId: '(lesson snippet)',
      durationMs: result.durationMs,
      billedDurationMs: Math.ceil(result.durationMs),
      initDurationMs: null,
      memorySizeMb: 128,
      cpuScale: 1,
      model: null,
    });
  } catch (error) {
    useLabStore.getState().setRunError(error instanceof Error ? error.message : String(error));
  }
}

/** Runs an exercise's hidden checks against the learner's workspace, with real Python, in fresh worlds. */
export async function checkExercise(
  course: Course,
  exercise: ExerciseContent,
): Promise<ExerciseCheckResult[]> {
  const state = useLabStore.getState();
  ensureLab();
  if (!runtime || !lab) throw new Error('Python is not ready yet.');
  if (state.running) throw new Error('A test is running; check again when it ends.');
  state.setRunning(true);
  // The learner's edited files, role policies and layer files, with each function's settings.
  const { files, config } = workspaceForChecks(exercise, state.workspace);
  try {
    const results = await runChecks(course, exercise, { files, config }, { runtime, router });
    return results.map((r) => ({
      checkId: r.checkId,
      title: r.title,
      passed: r.passed,
      feedback: r.feedback,
    }));
  } finally {
    // The checks ran in worlds of their own; boto3 calls go back to the learner's world.
    router.activate(lab);
    useLabStore.getState().setRunning(false);
  }
}

/** Answers a predict-the-timeline question by running its world in the simulation. */
export async function revealPredict(
  course: Course,
  lessonId: string,
  question: PredictQuestion,
): Promise<{ value: Json }> {
  ensureLab();
  if (!runtime || !lab) throw new Error('Python is not ready yet.');
  try {
    const outcome = await runPredict(course, lessonId, question, { runtime, router });
    return { value: outcome.value };
  } finally {
    router.activate(lab);
  }
}

/**
 * Lends the runtime and the boto3 router to work in scratch worlds (visualizer sweeps, lesson scenarios,
 * see vizLab.ts); boto3 calls go back to the learner's world afterwards, as after a check.
 */
export async function withScratchDeps<T>(use: (deps: CheckerDeps) => Promise<T>): Promise<T> {
  ensureLab();
  if (!runtime || !lab) throw new Error('Python is not ready yet.');
  try {
    return await use({ runtime, router });
  } finally {
    if (lab) router.activate(lab);
  }
}

/**
 * Builds a new world with `build` on the current runtime and, when it succeeds, makes it the learner's
 * (views follow, the old world's environments shut down); when `build` throws nothing changes ("Open SAM
 * app" builds this way, all or nothing).
 */
export async function replaceWorld<T>(build: (lab: LabWorld, runner: LabRunner) => Promise<T>): Promise<T> {
  ensureLab();
  if (!runtime || !runner) throw new Error('Python is not ready yet.');
  if (useLabStore.getState().running) throw new Error('A test is running; try again when it ends.');
  const next = newLab();
  const nextRunner = createLabRunner(next.world, runtime);
  router.activate(next);
  try {
    const value = await build(next, nextRunner);
    for (const env of runner.world.envs()) void runtime.destroy(env.envId);
    adoptWorld(next, nextRunner);
    return value;
  } catch (error) {
    if (lab) router.activate(lab);
    for (const env of next.world.envs()) void runtime.destroy(env.envId);
    throw error;
  }
}

/** The learner's world's trace, for the visualizers (read-only). */
export function worldTrace(): readonly TraceEvent[] {
  return ensureLab()?.runner.world.trace.events ?? [];
}

/**
 * "Open in the lab": replaces the learner's world with a lesson's prepared one (functions, roles,
 * queues, tables, triggers) and loads its functions into the workspace. Undo brings the code back; the
 * old world's environments are shut down.
 */
export async function openWorld(course: Course, lessonId: string, worldName: string): Promise<void> {
  const state = useLabStore.getState();
  ensureLab();
  if (!runtime || !runner) throw new Error('Python is not ready yet.');
  if (state.running) throw new Error('A test is running; open the world when it ends.');
  const world = resolveWorld(course, lessonId, worldName);
  if (!world) throw new Error(`The lesson has no world "${worldName}".`);
  state.setRunning(true);
  const dirFiles = (dir: string) => filesUnder(course.files, `${world.baseDir}/${dir}`);
  const next = newLab();
  const nextRunner = createLabRunner(next.world, runtime);
  router.activate(next);
  try {
    await buildWorld(next, nextRunner, {
      spec: world.spec,
      dirFiles,
      workspace: { files: {}, config: {} },
      mapping: [],
    });
  } catch (error) {
    if (lab) router.activate(lab);
    useLabStore
      .getState()
      .setRunError(
        `The world "${worldName}" could not be built: ${error instanceof Error ? error.message : String(error)}`,
      );
    return;
  }
  const old = runner;
  for (const env of old.world.envs()) void runtime.destroy(env.envId);
  adoptWorld(next, nextRunner);
  const functions: Record<string, FunctionDraft> = {};
  for (const fn of world.spec.functions) {
    // The world's roles, layers and concurrency come along, so a Deploy keeps what the world built.
    const files = fn.code === 'workspace' ? {} : dirFiles(fn.code.dir);
    functions[fn.name] = worldFunctionDraft(world.spec, fn, files);
  }
  const layers = worldLayers(world.spec, (l) => (l.code === 'workspace' ? {} : dirFiles(l.code.dir)));
  const firstName = world.spec.functions[0]?.name;
  if (firstName)
    useLabStore
      .getState()
      .replaceWorkspace({ version: WORKSPACE_VERSION, functions, activeFunction: firstName, layers });
  useLabStore.getState().setRunning(false);
  useLabStore
    .getState()
    .addNotice(
      'info',
      `Opened the world "${world.spec.title ?? worldName}": ${world.spec.functions.length} function(s) ready. Undo replace brings your code back.`,
    );
}
