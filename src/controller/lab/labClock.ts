/** The learner's world's clock, bound to the store's time controls (see clock.ts for the driver). */

import { type ClockDriver, createClockDriver } from '../../host/clock';
import { useLabStore } from '../../store/labStore';
import { ensureLab } from './labController';

let driver: ClockDriver | null = null;

function labClock(): ClockDriver {
  driver ??= createClockDriver({
    runner: () => ensureLab()?.runner ?? null,
    playing: () => useLabStore.getState().clock.playing,
    speed: () => useLabStore.getState().clock.speed,
    report: (nowMs, busy) => {
      const { clock, setClock } = useLabStore.getState();
      if (clock.nowMs !== nowMs || clock.busy !== busy) setClock({ nowMs, busy });
    },
  });
  return driver;
}

/** Starts following the wall clock (idempotent); called once Python is ready. */
export function startClock(): void {
  labClock().start();
}

export const stepClock = (): Promise<boolean> => labClock().step();
export const skipClock = (ms: number): Promise<void> => labClock().skip(ms);
