/**
 * Routes boto3 calls on one runtime to the lab worlds that share it. The worker stamps every call with
 * the calling execution environment (runtime/engine/callerStamp.ts); a call goes to the world that owns
 * that environment, whatever other world is being built or run meanwhile, so a learner's trigger firing
 * during a visualizer job still writes to the learner's tables. Also what checks need from their host.
 */

import type { RuntimePort } from '../sim';
import { type AwsCallRequest, parseAwsCallRequest } from '../sim/services/awsCall';
import { createLabRunner } from './labRunner';
import { createLabWorld, type LabWorld } from './labWorld';
import { type BuildInput, type BuiltWorld, buildWorld } from './scenario/buildWorld';

export interface LabRouter {
  /** Pass this as the runtime's `awsCall`: it answers in the calling environment's own world. */
  awsCall(requestJson: string): string | Promise<string>;
  /** Calls from `lab`'s environments reach `lab` until the returned release runs. */
  register(lab: LabWorld): () => void;
  /**
   * The learner's world: it owns its environments like a registered world and also answers calls no
   * environment made (a lesson snippet's quick run). Replacing it releases the previous one.
   */
  setHome(lab: LabWorld | null): void;
  /** Environment ids derive from the seed, so every world on one runtime needs its own. */
  nextSeed(): number;
}

const refusal = (code: string, message: string) =>
  JSON.stringify({ kind: 'error', error: { code, message, httpStatus: 503, errorKind: 'client' } });

export function createLabRouter(firstSeed = 10_000): LabRouter {
  const worlds = new Set<LabWorld>();
  const owners = new Map<string, LabWorld>();
  let home: LabWorld | null = null;
  let seed = firstSeed;

  const release = (lab: LabWorld) => {
    worlds.delete(lab);
    for (const [envId, owner] of owners) if (owner === lab) owners.delete(envId);
  };
  // An environment belongs to one world for its whole life: look it up once, then remember it.
  const ownerOf = (envId: string): LabWorld | null => {
    const known = owners.get(envId);
    if (known) return known;
    for (const lab of worlds) {
      if (!lab.world.envs().some((e) => e.envId === envId)) continue;
      owners.set(envId, lab);
      return lab;
    }
    return null;
  };
  const route = (request: AwsCallRequest): string | Promise<string> => {
    const envId = request.caller?.envId;
    if (envId === undefined)
      return home?.answer(request) ?? refusal('LabNotReady', 'No lab world is active.');
    const owner = ownerOf(envId);
    if (owner) return owner.answer(request);
    // Its world was closed (a finished job, a replaced world): answering elsewhere would cross worlds.
    return refusal('LabWorldClosed', 'The lab world this environment belonged to has been closed.');
  };

  return {
    awsCall(json) {
      const request = parseAwsCallRequest(json);
      return 'kind' in request ? JSON.stringify(request) : route(request);
    },
    register(lab) {
      worlds.add(lab);
      return () => {
        if (lab !== home) release(lab);
      };
    },
    setHome(lab) {
      if (home && home !== lab) release(home);
      home = lab;
      if (lab) worlds.add(lab);
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

/**
 * Builds `input` in a fresh lab world, runs `use`, then frees the world's environments. Its handlers'
 * work is counted, not measured: a check, a predict answer or a lesson scenario gives the same trace
 * on any machine at any load.
 */
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
  const runner = createLabRunner(lab.world, deps.runtime, { workModel: 'counted' });
  const unregister = deps.router.register(lab);
  try {
    return await use(await buildWorld(lab, runner, input));
  } finally {
    await Promise.all(lab.world.envs().map((e) => deps.runtime.destroy(e.envId).catch(() => undefined)));
    unregister();
  }
}
