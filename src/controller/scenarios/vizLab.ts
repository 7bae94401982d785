/**
 * What the visualizers ask of the controller (loaded on demand with it): the learner's trace, power
 * tuning and what-if on the learner's active function, the push-against-poll scenario, the
 * 1,000-environment demo and the scenarios behind lessons' `lab-viz` blocks. Work with real Python runs
 * in scratch worlds, one job at a time, while the Test button waits.
 */

import { createLabRunner } from '../../host/labRunner';
import { createLabWorld, LAB_ROLE_ARN } from '../../host/labWorld';
import type { CheckerDeps } from '../../host/router';
import { loadBundledCourse } from '../../lessons/bundle';
import { filesUnder, resolveWorld } from '../../lessons/course';
import { validateEventJson } from '../../lib/validateJson';
import type { RunReport, RuntimePort, TraceEvent } from '../../sim';
import { useLabStore } from '../../store/labStore';
import { selectActiveFunction } from '../../store/workspaceSlice';
import type { SimLab } from '../../viz/lab/simLab';
import { type PowerTuningResult, runPowerTuning } from '../../viz/powerTuning/powerTuning';
import { runWhatIf, type TrafficScript, type WhatIfConfig, type WhatIfResult } from '../../viz/whatIf/whatIf';
import { configPatchOf } from '../deploy/deployFields';
import { browserLab } from '../lab/browserLab';
import { runLessonScenario, type VizKind } from './vizLabLessons';
import { createScriptedLab, type MeasuredHandler, replayScript, SCENARIO_START_MS } from './vizLabScenarios';

export { RUNTIME_IDS } from '../../sim';
export { worldTrace } from '../lab/labController';
export {
  DEFAULT_PUSH_POLL,
  type PushPollScenario,
  runBurstDemo,
  runPushPollScenario,
  type ScenarioRun,
} from './vizLabScenarios';

/** One scratch job at a time, in the lab's queue: a Test pressed meanwhile waits its turn. */
function scratchJob<T>(job: (deps: CheckerDeps) => Promise<T>): Promise<T> {
  const lab = browserLab();
  return lab.jobs.wait(async () => {
    if (useLabStore.getState().python.state !== 'ready') throw new Error('Python is not ready yet.');
    return job(lab.deps());
  });
}

/** A fresh world on the real runtime: its environments' boto3 calls reach it until it is disposed. */
function scratchLab(deps: CheckerDeps, runtime: RuntimePort = deps.runtime): SimLab {
  const lab = createLabWorld({
    seed: deps.router.nextSeed(),
    startTimeMs: SCENARIO_START_MS,
    access: 'admin',
  });
  const release = deps.router.register(lab);
  const runner = createLabRunner(lab.world, runtime);
  return {
    world: runner.world,
    command: runner.command,
    advanceTo: runner.advanceTo,
    runUntilIdle: runner.runUntilIdle,
    dispose: async () => {
      await Promise.all(lab.world.envs().map((e) => deps.runtime.destroy(e.envId).catch(() => undefined)));
      release();
    },
  };
}

/** The learner's active function as a create input, and its selected test event. */
function activeFunction() {
  const state = useLabStore.getState();
  const name = state.workspace.activeFunction;
  const draft = selectActiveFunction(state);
  const eventJson = draft.events[draft.activeEvent] ?? '{}';
  const check = validateEventJson(eventJson);
  if (!check.ok) throw new Error(`The test event "${draft.activeEvent}" is not valid JSON: ${check.message}`);
  // The scratch world has the lab's role and none of the learner's layers, triggers or VPC.
  const { vpcConfig: _noVpc, memorySize, ...config } = configPatchOf(draft, LAB_ROLE_ARN, []);
  const fn = { functionName: name, code: { files: draft.files }, ...config, role: LAB_ROLE_ARN };
  return { name, fn, memorySize, eventJson, eventName: draft.activeEvent };
}

export interface MeasuredFunction extends MeasuredHandler {
  readonly functionName: string;
  readonly eventName: string;
  readonly memoryMb: number;
  readonly runtime: string;
  readonly architecture: 'x86_64' | 'arm64';
  readonly files: Readonly<Record<string, string>>;
  readonly handler: string;
  readonly eventJson: string;
}

/** Memory the measurement runs at: plenty, so only a real memory hog runs out (replays check each size). */
const MEASURE_MB = 3008;

/**
 * Measures the learner's function with real Python in a scratch world: one cold start, then `warm`
 * requests one after another. The handler's CPU time does not depend on memory here (this browser is
 * not throttled), so the reports replay at any size through the CPU model.
 */
export function measureActive(warm = 3): Promise<MeasuredFunction> {
  const { name, fn, memorySize, eventJson, eventName } = activeFunction();
  return scratchJob(async (deps) => {
    const inits: RunReport[] = [];
    const invokes: RunReport[] = [];
    const recording: RuntimePort = {
      init: async (r) => {
        const report = await deps.runtime.init(r);
        inits.push(report);
        return report;
      },
      invoke: async (r) => {
        const report = await deps.runtime.invoke(r);
        invokes.push(report);
        return report;
      },
      destroy: (id) => deps.runtime.destroy(id),
    };
    const lab = scratchLab(deps, recording);
    try {
      const created = await lab.command((w) =>
        w.createFunction({ ...fn, memorySize: Math.max(memorySize, MEASURE_MB) }),
      );
      if (!created.ok) throw new Error(`${created.error.name}: ${created.error.message}`);
      for (let i = 0; i <= warm; i++) {
        const r = await lab.command((w) => w.invoke({ functionName: name, payloadJson: eventJson }));
        if (!r.ok) throw new Error(`${r.error.name}: ${r.error.message}`);
        await lab.runUntilIdle();
      }
    } finally {
      await lab.dispose?.();
    }
    const init = inits[0];
    if (!init) throw new Error('The function did not start: no Init ran.');
    return {
      init,
      // The first report is the cold request; the warm ones say what a handler costs once loaded.
      invokes: invokes.length > 1 ? invokes.slice(1) : invokes,
      functionName: name,
      eventName,
      memoryMb: memorySize,
      runtime: fn.runtime,
      architecture: fn.architectures[0] === 'arm64' ? 'arm64' : 'x86_64',
      files: fn.code.files,
      handler: fn.handler,
      eventJson,
    };
  });
}

const replayFn = (m: MeasuredFunction) => ({
  functionName: m.functionName,
  role: LAB_ROLE_ARN,
  runtime: m.runtime,
  handler: m.handler,
  architectures: [m.architecture],
  code: { files: m.files },
});

export interface PowerTuningRun {
  readonly functionName: string;
  readonly eventName: string;
  readonly measured: MeasuredFunction;
  readonly result: PowerTuningResult;
}

/**
 * Power tuning: the learner's function measured with real Python (`invocations` warm requests), then the
 * same requests replayed at each memory size, so the curve shows the memory's CPU share and price, not
 * whatever else this machine was doing at the moment each size ran.
 */
export async function powerTuneActive(options: {
  readonly invocations: number;
  readonly memorySizes?: readonly number[];
  readonly onProgress?: (done: number, total: number) => void;
}): Promise<PowerTuningRun> {
  const measured = await measureActive(options.invocations);
  const result = await runPowerTuning({
    createLab: () => createScriptedLab(replayScript(measured)),
    fn: replayFn(measured),
    payloadJson: measured.eventJson,
    invocations: options.invocations,
    ...(options.memorySizes ? { memorySizes: options.memorySizes } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { functionName: measured.functionName, eventName: measured.eventName, measured, result };
}

/** Both configurations on the same traffic, the measured handler replayed on each side (modeled). */
export function whatIfMeasured(
  m: MeasuredFunction,
  a: WhatIfConfig,
  b: WhatIfConfig,
  traffic: TrafficScript,
  c?: WhatIfConfig,
): Promise<WhatIfResult> {
  const sides = c ? [a, b, c] : [a, b];
  // A SnapStart version takes its snapshot (the measured Init) before it serves: wait that out too.
  const snapshotMs = sides.some((s) => s.snapStart) ? m.init.cpuMs + m.init.sleepMs + 1000 : 0;
  const pc = sides.some((s) => s.provisionedConcurrency > 0);
  return runWhatIf({
    createLab: () => createScriptedLab(replayScript(m)),
    fn: replayFn(m),
    traffic: { ...traffic, payloadJson: m.eventJson },
    a,
    b,
    ...(c ? { c } : {}),
    // Provisioned environments initialize in well under a second (modeled); a short warm-up keeps the
    // traffic, not the wait before it, in view.
    warmupMs: pc || snapshotMs > 0 ? Math.max(2000, snapshotMs) : 0,
  });
}

let course: ReturnType<typeof loadBundledCourse> | null = null;
const scenarios = new Map<string, Promise<readonly TraceEvent[]>>();

/** The trace of a lesson block's scenario, run once per page with real Python and remembered. */
export function lessonVizTrace(
  lessonId: string,
  worldName: string,
  kind: VizKind,
): Promise<readonly TraceEvent[]> {
  const key = `${lessonId}:${worldName}:${kind}`;
  const known = scenarios.get(key);
  if (known) return known;
  const job = (async () => {
    course ??= loadBundledCourse();
    const loaded = (await course).course;
    if (!loaded) throw new Error('The course could not be loaded.');
    const world = resolveWorld(loaded, lessonId, worldName);
    if (!world) throw new Error(`The lesson has no world "${worldName}".`);
    return scratchJob((deps) =>
      runLessonScenario(deps, {
        kind,
        world,
        dirFiles: (dir) => filesUnder(loaded.files, `${world.baseDir}/${dir}`),
        lessonDir: `lessons/${lessonId}`,
        readFile: (p) => loaded.files.get(p),
      }),
    );
  })();
  scenarios.set(key, job);
  // A failed run (Python restarting, say) is tried again next time.
  job.catch(() => scenarios.delete(key));
  return job;
}
