/**
 * What the checker needs from its host: a RuntimePort (Node worker threads in tests, the browser's pool
 * in the app) whose boto3 calls are routed to whichever lab world a check is running, and fresh seeds.
 */

import type { RuntimePort } from '../sim';
import { createLabRunner } from './labRunner';
import { createLabWorld, type LabWorld } from './labWorld';
import { type BuildInput, type BuiltWorld, buildWorld } from './scenario/buildWorld';

export interface LabRouter {
  /** Pass this as the runtime's `awsCall`: it answers for the active lab world. */
  awsCall(requestJson: string): string | Promise<string>;
  activate(lab: LabWorld | null): void;
  /** Environment ids derive from the seed, so every world on one runtime needs its own. */
  nextSeed(): number;
}

export function createLabRouter(firstSeed = 10_000): LabRouter {
  let active: LabWorld | null = null;
  let seed = firstSeed;
  return {
    awsCall: (json) =>
      active?.awsCall(json) ??
      '{"kind":"error","error":{"code":"LabNotReady","message":"No lab world is active.","httpStatus":503,"errorKind":"client"}}',
    activate: (lab) => {
      active = lab;
    },
    nextSeed: () => ++seed,
  };
}

export interface CheckerDeps {
  readonly runtime: RuntimePort;
  readonly router: LabRouter;
  /** Virtual start time of every check's world (default 2026-11-26T00:00Z). */
  readonly startTimeMs?: number;
}

/** Builds `input` in a fresh lab world, runs `use`, then frees the world's environments. */
export async function withWorld<T>(
  deps: CheckerDeps,
  input: BuildInput,
  use: (world: BuiltWorld) => Promise<T>,
): Promise<T> {
  const lab = createLabWorld({
    seed: deps.router.nextSeed(),
    startTimeMs: deps.startTimeMs ?? Date.UTC(2026, 10, 26),
    access: 'basic',
  });
  const runner = createLabRunner(lab.world, deps.runtime);
  deps.router.activate(lab);
  try {
    return await use(await buildWorld(lab, runner, input));
  } finally {
    deps.router.activate(null);
    await Promise.all(lab.world.envs().map((e) => deps.runtime.destroy(e.envId).catch(() => undefined)));
  }
}
