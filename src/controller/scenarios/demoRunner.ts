/**
 * Runs a scripted demo against a fresh lab world of its own, with the real Python runtime, through
 * `createLabRunner` (as "open in the lab" does): the learner's world is never touched. The host-agnostic
 * `createDemoRunner` serves the Node tests; `startBrowserDemo` binds it to the page's worker pool and
 * routes the demo's boto3 calls to the demo's world while a step runs.
 */

import { createLabRunner } from '../../host/labRunner';
import { createLabWorld } from '../../host/labWorld';
import type { LabRouter } from '../../host/router';
import { createLabRouter } from '../../host/router';
import { buildWorld } from '../../host/scenario/buildWorld';
import { type DemoContent, demoDirFiles } from '../../instructor/demoFiles';
import type { DemoExecutor, StepReport } from '../../instructor/demoSession';
import { stepLogs, stepStats, summaryLines } from '../../instructor/stepSummary';
import type { RuntimePort, TraceEvent } from '../../sim';
import { useLabStore } from '../../store/labStore';
import { ensureLab } from '../lab/labController';
import { currentAwsCall, setAwsCall } from '../lab/pythonBoot';
import { type DemoWorld, runDemoAction } from './demoSteps';

export interface DemoRunnerDeps {
  readonly runtime: RuntimePort;
  readonly router: LabRouter;
  /** Content files by path (`lessons/demos/...`). */
  readonly files: ReadonlyMap<string, string>;
  /** Virtual start of the demo's world (default 2026-11-26T09:00Z, a class morning). */
  readonly startTimeMs?: number;
  /** Wraps each step and reset (the browser routes boto3 calls to the demo's world meanwhile). */
  readonly around?: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface DemoRunner extends DemoExecutor {
  /** The demo's world as it stands (null before the first step or after a reset). */
  world(): DemoWorld | null;
  /** The demo world's trace, for the visualizers. */
  trace(): readonly TraceEvent[];
}

export function createDemoRunner(demo: DemoContent, deps: DemoRunnerDeps): DemoRunner {
  let current: DemoWorld | null = null;
  const around = deps.around ?? (<T>(work: () => Promise<T>) => work());

  const build = async (): Promise<DemoWorld> => {
    const lab = createLabWorld({
      seed: deps.router.nextSeed(),
      startTimeMs: deps.startTimeMs ?? Date.UTC(2026, 10, 26, 9),
      access: 'basic',
    });
    const runner = createLabRunner(lab.world, deps.runtime);
    deps.router.activate(lab);
    const built = await buildWorld(lab, runner, {
      spec: demo.script.world,
      dirFiles: (dir) => demoDirFiles(deps.files, demo, dir),
      workspace: { files: {}, config: {} },
      mapping: [],
    });
    return { ...built, qualifiers: new Map(built.qualifiers) };
  };

  const teardown = async () => {
    const old = current;
    current = null;
    if (!old) return;
    await Promise.all(
      old.runner.world.envs().map((e) => deps.runtime.destroy(e.envId).catch(() => undefined)),
    );
  };

  return {
    world: () => current,
    trace: () => current?.runner.world.trace.events ?? [],
    reset: () => around(teardown),
    dispose: () => around(teardown),
    exec: (index) =>
      around(async (): Promise<StepReport> => {
        const step = demo.script.steps[index];
        if (!step) throw new Error(`${demo.script.id} has no step ${index + 1}`);
        current ??= await build();
        const w = current;
        deps.router.activate(w.lab);
        const world = w.runner.world;
        const from = world.trace.events.length;
        const startMs = world.now();
        const responses = step.run ? await runDemoAction(w, step.run, demo, deps.files) : [];
        const events = world.trace.events.slice(from);
        const stats = stepStats(events);
        return {
          index,
          startMs,
          endMs: world.now(),
          lines: summaryLines(events, stats, responses),
          logs: stepLogs(events),
          envsAlive: world.envs().filter((e) => e.state !== 'gone').length,
          stats,
          responses,
        };
      }),
  };
}

/** Demo worlds get seeds far from the learner's and the checks' (environment ids derive from them). */
const browserRouter = createLabRouter(900_000);

/** The page's demo runner: the shared Python pool, its own world, the lab marked busy while a step runs. */
export function startBrowserDemo(demo: DemoContent, files: ReadonlyMap<string, string>): DemoRunner {
  const live = ensureLab();
  if (!live) throw new Error('Python is not ready yet: the demo starts once the status says ready.');
  return createDemoRunner(demo, {
    runtime: live.runtime,
    router: browserRouter,
    files,
    startTimeMs: Date.now(),
    around: async (work) => {
      const store = useLabStore.getState();
      if (store.running) throw new Error('A test or check is running in the lab; run the demo when it ends.');
      store.setRunning(true);
      const previous = currentAwsCall();
      setAwsCall(browserRouter.awsCall);
      try {
        return await work();
      } finally {
        setAwsCall(previous);
        useLabStore.getState().setRunning(false);
      }
    },
  });
}
