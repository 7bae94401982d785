/**
 * The console's actions and read models bound to the learner's world (a lazy chunk: the UI reaches it only
 * through `import()`). `liveWorld()` is null until Python is ready, since the world starts with it.
 */

import { ensureLab } from '../lab/labController';
import type { LiveWorld } from './consoleCall';

export * from './consoleKit';

export function liveWorld(): LiveWorld | null {
  const live = ensureLab();
  return live ? { lab: live.lab, runner: live.runner } : null;
}
