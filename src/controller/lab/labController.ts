/**
 * The browser's imperative shell over the page's lab (browserLab.ts, which owns the runtime, the worlds
 * and the job queue): deploys the learner's draft, runs Test through the world, and mirrors status and
 * results into the store. Each entry point is a job; one the learner pressed refuses while another runs.
 */

import type { LabHome } from '../../host/lab';
import type { LabRunner } from '../../host/labRunner';
import type { LabWorld } from '../../host/labWorld';
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
import { browserLab } from './browserLab';
import { workspaceForChecks, worldFunctionDraft, worldLayers } from './exerciseWorkspace';

export type LiveLab = LabHome<PooledRuntime>;

const BUSY_TEST = 'A test is running; try again when it ends.';

/** The learner's world on the current runtime; a new one after a Retry replaced the runtime. */
export function ensureLab(): LiveLab | null {
  return browserLab().home();
}

export async function runTest(): Promise<void> {
  const state = useLabStore.getState();
  const fn = selectActiveFunction(state);
  const eventJson = fn.events[fn.activeEvent] ?? '';
  const live = ensureLab();
  const lab = browserLab();
  if (!validateEventJson(eventJson).ok || state.python.state !== 'ready' || lab.jobs.busy() || !live) return;
  await lab.jobs.now(() => testOn(live, state), BUSY_TEST);
}

/** Deploys the draft as it was when Test was pressed, then invokes it with the selected event. */
async function testOn(live: LiveLab, state: ReturnType<typeof useLabStore.getState>): Promise<void> {
  const name = state.workspace.activeFunction;
  const fn = selectActiveFunction(state);
  const eventJson = fn.events[fn.activeEvent] ?? '';
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
  const live = ensureLab();
  const lab = browserLab();
  if (state.python.state !== 'ready' || lab.jobs.busy() || !live) return;
  await lab.jobs.now(() => snippetOn(live.runtime, code, handler, eventJson), BUSY_TEST);
}

async function snippetOn(runtime: PooledRuntime, code: string, handler: string, eventJson: string) {
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
  const lab = browserLab();
  const deps = lab.deps();
  // The learner's edited files, role policies and layer files, with each function's settings.
  const { files, config } = workspaceForChecks(exercise, useLabStore.getState().workspace);
  return lab.jobs.now(async () => {
    const results = await runChecks(course, exercise, { files, config }, deps);
    return results.map((r) => ({
      checkId: r.checkId,
      title: r.title,
      passed: r.passed,
      feedback: r.feedback,
    }));
  }, 'A test is running; check again when it ends.');
}

/** Answers a predict-the-timeline question by running its world in the simulation (beside any job). */
export async function revealPredict(
  course: Course,
  lessonId: string,
  question: PredictQuestion,
): Promise<{ value: Json }> {
  const outcome = await runPredict(course, lessonId, question, browserLab().deps());
  return { value: outcome.value };
}

/**
 * Builds a new world with `build` on the current runtime and, when it succeeds, makes it the learner's
 * (views follow, the old world's environments shut down); when `build` throws nothing changes ("Open SAM
 * app" builds this way, all or nothing). `wait` queues behind a running job instead of refusing.
 */
export async function replaceWorld<T>(
  build: (lab: LabWorld, runner: LabRunner) => Promise<T>,
  options: { readonly wait?: boolean } = {},
): Promise<T> {
  const lab = browserLab();
  lab.deps();
  const job = () => lab.replaceHome(build);
  return options.wait ? lab.jobs.wait(job) : lab.jobs.now(job, BUSY_TEST);
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
  const lab = browserLab();
  lab.deps();
  const world = resolveWorld(course, lessonId, worldName);
  if (!world) throw new Error(`The lesson has no world "${worldName}".`);
  const dirFiles = (dir: string) => filesUnder(course.files, `${world.baseDir}/${dir}`);
  await lab.jobs.now(async () => {
    try {
      await lab.replaceHome((next, nextRunner) =>
        buildWorld(next, nextRunner, {
          spec: world.spec,
          dirFiles,
          workspace: { files: {}, config: {} },
          mapping: [],
        }),
      );
    } catch (error) {
      useLabStore
        .getState()
        .setRunError(
          `The world "${worldName}" could not be built: ${error instanceof Error ? error.message : String(error)}`,
        );
      return;
    }
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
    useLabStore
      .getState()
      .addNotice(
        'info',
        `Opened the world "${world.spec.title ?? worldName}": ${world.spec.functions.length} function(s) ready. Undo replace brings your code back.`,
      );
  }, 'A test is running; open the world when it ends.');
}
