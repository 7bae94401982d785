/** The learner's world's clock, as the time controls use it (the page's lab owns the driver). */

import { browserLab } from './browserLab';

/** Starts following the wall clock (idempotent); called once Python is ready. */
export function startClock(): void {
  browserLab().clock.start();
}

export const stepClock = (): Promise<boolean> => browserLab().clock.step();
export const skipClock = (ms: number): Promise<void> => browserLab().clock.skip(ms);
