/**
 * The execution environment lifecycle as an explicit state machine. A suppressed init (re-init inside an
 * invoke after a reset) happens while the environment is busy, so it needs no state of its own.
 */
import type { EnvState } from './trace';

export type EnvEvent =
  | 'init.begin'
  | 'init.done'
  | 'invoke.begin'
  | 'invoke.done'
  | 'shutdown.begin'
  | 'shutdown.done';

/** The next state, or null when the event is not allowed in this state. */
export function nextEnvState(state: EnvState, event: EnvEvent): EnvState | null {
  switch (state) {
    case 'creating':
      return event === 'init.begin' ? 'initializing' : event === 'shutdown.begin' ? 'shuttingDown' : null;
    case 'initializing':
      return event === 'init.done' ? 'idle' : null;
    case 'idle':
      return event === 'invoke.begin' ? 'busy' : event === 'shutdown.begin' ? 'shuttingDown' : null;
    case 'busy':
      return event === 'invoke.done' ? 'idle' : null;
    case 'shuttingDown':
      return event === 'shutdown.done' ? 'gone' : null;
    case 'gone':
      return null;
    default: {
      const never: never = state;
      return never;
    }
  }
}

export interface LifetimeModel {
  /** Idle environments are reaped after a uniform draw in [minMs, maxMs] (observed 5-15 min, facts §6). */
  readonly idleMinMs: number;
  readonly idleMaxMs: number;
  /** Every environment is recycled after maxAgeMs plus up to jitterMs (observed ~2 h, facts §6). */
  readonly maxAgeMs: number;
  readonly maxAgeJitterMs: number;
}

export const DEFAULT_LIFETIME_MODEL: LifetimeModel = {
  idleMinMs: 5 * 60_000,
  idleMaxMs: 15 * 60_000,
  maxAgeMs: 2 * 3_600_000,
  maxAgeJitterMs: 10 * 60_000,
};
