/** Effects: what the world asks its shell to do, as plain data. Only the controller calls the runtime. */
import type { InitRequest, InvokeRequest } from './runtimePort';
import type { InitPhase } from './trace';

export type Effect =
  | { readonly kind: 'runInit'; readonly phase: InitPhase; readonly request: InitRequest }
  | { readonly kind: 'runInvoke'; readonly request: InvokeRequest }
  | { readonly kind: 'destroyEnv'; readonly envId: string };

/** True for effects the world waits on (it will not advance virtual time until they are completed). */
export function isBlocking(effect: Effect): boolean {
  switch (effect.kind) {
    case 'runInit':
    case 'runInvoke':
      return true;
    case 'destroyEnv':
      return false;
    default: {
      const never: never = effect;
      return never;
    }
  }
}
