/** Hand effects to a synchronous runtime until none are left: the loop a test driver or benchmark needs. */
import type { Effect } from './effects';
import type { FakeRuntime } from './fakeRuntime';
import type { World } from './world';

export function settleEffects(world: World, runtime: FakeRuntime, first: readonly Effect[]): void {
  let pending: readonly Effect[] = first;
  while (pending.length > 0) {
    const next: Effect[] = [];
    for (const effect of pending) {
      switch (effect.kind) {
        case 'runInit': {
          const r = world.completeInit(effect.request.env.envId, runtime.initSync(effect.request));
          if (r.ok) next.push(...r.effects);
          break;
        }
        case 'runInvoke': {
          const q = effect.request;
          const r = world.completeInvoke(q.envId, q.requestId, runtime.invokeSync(q));
          if (r.ok) next.push(...r.effects);
          break;
        }
        case 'destroyEnv':
          runtime.destroySync(effect.envId);
          break;
        default: {
          const never: never = effect;
          throw new Error(`unknown effect ${JSON.stringify(never)}`);
        }
      }
    }
    pending = next;
  }
}

const STUCK = 'the world waits on runtime effects that were handed out earlier and never completed';

/** Advance to `t`, settling every effect on the way. */
export function advanceSettled(world: World, runtime: FakeRuntime, t: number): void {
  for (;;) {
    const r = world.advanceTo(t);
    if (r.blocked && r.effects.length === 0) throw new Error(STUCK);
    settleEffects(world, runtime, r.effects);
    if (!r.blocked && world.outstandingEffects() === 0 && r.now >= t) return;
  }
}

export function runUntilIdleSettled(world: World, runtime: FakeRuntime): void {
  for (;;) {
    const r = world.runUntilIdle();
    if (r.blocked && r.effects.length === 0) throw new Error(STUCK);
    settleEffects(world, runtime, r.effects);
    if (!r.blocked && world.outstandingEffects() === 0 && r.effects.length === 0) return;
  }
}
