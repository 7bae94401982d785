/**
 * A world plus a synchronous runtime, as the sweeps (power tuning, what-if) need it: they create fresh
 * worlds through a factory, so they stay pure given the factory. Tests pass the scripted fake runtime;
 * the app can pass a fake scripted from one measured run of the learner's handler.
 */
import type { Effect, Result, World } from '../../sim';

export interface SimLab {
  readonly world: World;
  /** Hands effects to the lab's runtime until none are left. */
  settle(effects: readonly Effect[]): void;
  /** Moves virtual time to t, settling every effect on the way. */
  advanceTo(timeMs: number): void;
  /** Runs until no foreground work is left (background timers such as idle reaping may stay). */
  runUntilIdle(): void;
}

export type SimLabFactory = () => SimLab;

/** Runs a world command and settles its effects; returns the error message when the world refused. */
export function command<T>(lab: SimLab, run: (world: World) => Result<T>): string | null {
  const r = run(lab.world);
  if (!r.ok) return `${r.error.name}: ${r.error.message}`;
  lab.settle(r.effects);
  return null;
}
