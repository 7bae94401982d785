/**
 * Runs a scripted demo against a fresh lab world of its own, with the real Python runtime, through
 * `createLabRunner` (as "open in the lab" does): the learner's world is never touched. The host-agnostic
 * `createDemoRunner` serves the Node tests; `startBrowserDemo` binds it to the page's lab, whose router
 * sends the demo world's boto3 calls to the demo world and runs each step as a job.
 */

import { createLabRunner } from '../../host/labRunner';
import { createLabWorld } from '../../host/labWorld';
import type { LabRouter } from '../../host/router';
import { buildWorld } from '../../host/scenario/buildWorld';
import { type DemoContent, demoDirFiles } from '../../instructor/demoFiles';
import type { DemoExecutor, StepReport } from '../../instructor/demoSession';
import { stepLogs, stepStats, summaryLines } from '../../instructor/stepSummary';
import type { RuntimePort, TraceEvent } from '../../sim';
import { browserLab } from '../lab/browserLab';
import { type DemoWorld, runDemoAction } from './demoSteps';

export interface DemoRunnerDeps {
  readonly runtime: RuntimePort;
  readonly router: LabRouter;
  /** Content files by path (`lessons/demos/...`). */
  readonly files: ReadonlyMap<string, string>;
  /** Virtual start of the demo's world (default 2026-11-26T09:00Z, a class morning). */
  readonly startTimeMs?: number;
  /** Wraps each step and reset (the browser runs each as a job of the lab's queue). */
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
  let release: (() => void) | null = null;
  const around = deps.around ?? (<T>(work: () => Promise<T>) => work());

  const build = async (): Promise<DemoWorld> => {
    const lab = createLabWorld({
      seed: deps.router.nextSeed(),
      startTimeMs: deps.startTimeMs ?? Date.UTC(2026, 10, 26, 9),
      access: 'basic',
    });
    // Counted work: a demo plays out the same on the instructor's laptop as in its golden test.
    const runner = createLabRunner(lab.world, deps.runtime, { workModel: 'counted' });
    const unregister = deps.router.register(lab);
    try {
      const built = await buildWorld(lab, runner, {
        spec: demo.script.world,
        dirFiles: (dir) => demoDirFiles(deps.files, demo, dir),
        workspace: { files: {}, config: {} },
        mapping: [],
      });
      release = unregister;
      return { ...built, qualifiers: new Map(built.qualifiers) };
    } catch (error) {
      await Promise.all(lab.world.envs().map((e) => deps.runtime.destroy(e.envId).catch(() => undefined)));
      unregister();
      throw error;
    }
  };

  const teardown = async () => {
    const old = current;
    current = null;
    if (!old) return;
    await Promise.all(
      old.runner.world.envs().map((e) => deps.runtime.destroy(e.envId).catch(() => undefined)),
    );
    release?.();
    release = null;
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

/** The page's demo runner: the shared Python pool, its own world, each step a job of the page's lab. */
export function startBrowserDemo(demo: DemoContent, files: ReadonlyMap<string, string>): DemoRunner {
  const lab = browserLab();
  if (!lab.home()) throw new Error('Python is not ready yet: the demo starts once the status says ready.');
  const { runtime, router } = lab.deps();
  return createDemoRunner(demo, {
    runtime,
    router,
    files,
    startTimeMs: Date.now(),
    around: (work) => lab.jobs.now(work, 'A test or check is running in the lab; run the demo when it ends.'),
  });
}
