/**
 * The lab: one object that owns the Python runtime in use, the learner's world on it, the scratch worlds
 * that checks, visualizers and demos build beside it (through `router`), and the job queue they take
 * turns in. The browser creates exactly one (controller/lab/browserLab.ts); Node tests create their own.
 * Every world's boto3 calls reach that world, routed by the calling environment (router.ts).
 */

import type { RuntimePort } from '../sim';
import { createJobQueue, type JobQueue } from './jobQueue';
import { createLabRunner, type LabRunner } from './labRunner';
import type { LabWorld } from './labWorld';
import { type CheckerDeps, createLabRouter, type LabRouter } from './router';

/** The learner's world and its runner, on the runtime they were made for. */
export interface LabHome<R extends RuntimePort> {
  readonly runtime: R;
  readonly runner: LabRunner;
  readonly lab: LabWorld;
}

export interface LabOptions<R extends RuntimePort> {
  /** The runtime now in use; a different one (a Retry after a failed boot) gets a new learner's world. */
  runtime(): R | null;
  /** A new, empty learner's world. */
  newWorld(): LabWorld;
  /** The learner's world was replaced (views follow it). */
  onHome?(home: LabHome<R>): void;
  /** The job queue became busy or idle. */
  onBusy?(busy: boolean): void;
}

export interface Lab<R extends RuntimePort> {
  readonly router: LabRouter;
  readonly jobs: JobQueue;
  /** The learner's world on the current runtime (made on first use); null while there is no runtime. */
  home(): LabHome<R> | null;
  /** What checks and scratch-world jobs need: the runtime and the router. Throws while there is none. */
  deps(): CheckerDeps & { readonly runtime: R };
  /**
   * Builds a new learner's world with `build` and, when it succeeds, makes it the learner's (the old
   * world's environments shut down); when `build` throws nothing changes. Not a job by itself: callers
   * run it inside one.
   */
  replaceHome<T>(build: (lab: LabWorld, runner: LabRunner) => Promise<T>): Promise<T>;
}

export function createLab<R extends RuntimePort>(options: LabOptions<R>): Lab<R> {
  const router = createLabRouter();
  const jobs = createJobQueue(options.onBusy);
  let home: LabHome<R> | null = null;

  const adopt = (next: LabHome<R>) => {
    home = next;
    router.setHome(next.lab);
    options.onHome?.(next);
  };
  const current = (): LabHome<R> | null => {
    const runtime = options.runtime();
    if (!runtime) return null;
    if (home?.runtime !== runtime) {
      const lab = options.newWorld();
      adopt({ runtime, lab, runner: createLabRunner(lab.world, runtime) });
    }
    return home;
  };
  const closeEnvs = (runtime: RuntimePort, lab: LabWorld) => {
    for (const env of lab.world.envs()) void runtime.destroy(env.envId).catch(() => undefined);
  };

  return {
    router,
    jobs,
    home: current,
    deps() {
      const live = current();
      if (!live) throw new Error('Python is not ready yet.');
      return { runtime: live.runtime, router };
    },
    async replaceHome(build) {
      const old = current();
      if (!old) throw new Error('Python is not ready yet.');
      const lab = options.newWorld();
      const runner = createLabRunner(lab.world, old.runtime);
      const release = router.register(lab);
      try {
        const value = await build(lab, runner);
        closeEnvs(old.runtime, old.lab);
        adopt({ runtime: old.runtime, lab, runner });
        return value;
      } catch (error) {
        release();
        closeEnvs(old.runtime, lab);
        throw error;
      }
    },
  };
}
