/** Test support: a SimLab over the sim's world and scripted fake runtime, with the test world's defaults. */
import {
  advanceSettled,
  createFakeRuntime,
  createWorld,
  type FakeScript,
  runUntilIdleSettled,
  settleEffects,
} from '../../sim';
import { TEST_START_MS } from '../../sim/testWorld';
import type { SimLab, SimLabFactory } from '../lab/simLab';

export function createTestLabFactory(script: FakeScript = {}, seed = 42): SimLabFactory {
  return (): SimLab => {
    const world = createWorld({ seed, startTimeMs: TEST_START_MS });
    const runtime = createFakeRuntime(script);
    return {
      world,
      command: async (run) => {
        const r = run(world);
        if (r.ok) settleEffects(world, runtime, r.effects);
        return r;
      },
      advanceTo: async (t) => advanceSettled(world, runtime, t),
      runUntilIdle: async () => runUntilIdleSettled(world, runtime),
    };
  };
}
