/**
 * A world plus a runtime, as the sweeps (power tuning, what-if) need it: they create fresh worlds through
 * a factory, so they stay pure given the factory. The shape is the controller's LabRunner's, so the app
 * passes runners over real Python or over a scripted replay; tests pass the sim's scripted fake.
 */
import type { Result, World } from '../../sim';

export interface SimLab {
  readonly world: World;
  /** Runs a world command and settles the effects it returned. */
  command<T>(run: (world: World) => Result<T>): Promise<Result<T>>;
  /** Moves virtual time to t, settling every effect on the way. */
  advanceTo(timeMs: number): Promise<void>;
  /** Runs until no foreground work is left (background timers such as idle reaping may stay). */
  runUntilIdle(): Promise<void>;
  /** Frees what the lab holds (Python environments); called once the sweep has read the trace. */
  dispose?(): Promise<void>;
}

export type SimLabFactory = () => SimLab | Promise<SimLab>;

/** Runs a world command and settles its effects; returns the error message when the world refused. */
export async function command<T>(lab: SimLab, run: (world: World) => Result<T>): Promise<string | null> {
  const r = await lab.command(run);
  return r.ok ? null : `${r.error.name}: ${r.error.message}`;
}
