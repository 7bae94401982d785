/**
 * Who is calling AWS, as the worker knows it from the phase it is serving. Every call that leaves the
 * worker carries this caller, so handler code that reached the host bridge by digging through the
 * interpreter still cannot call as another function (SECURITY.md).
 */
import type { EnvSpec, InvokeRequest } from '../../sim/runtimePort';

interface Caller {
  readonly functionName: string;
  readonly functionVersion: string;
  /** The host routes the call to the world that owns this environment (host/router.ts). */
  readonly envId: string;
  readonly requestId: string | null;
}

export function createCallerStamp() {
  const functions = new Map<string, Omit<Caller, 'requestId'>>();
  let serving: Caller | null = null;
  return {
    forInit(env: EnvSpec): Caller {
      const fn = { functionName: env.functionName, functionVersion: env.functionVersion, envId: env.envId };
      functions.set(env.envId, fn);
      return { ...fn, requestId: null };
    },
    forInvoke(request: InvokeRequest): Caller | null {
      const fn = functions.get(request.envId);
      return fn ? { ...fn, requestId: request.requestId } : null;
    },
    forget(envId: string): void {
      functions.delete(envId);
    },
    /** Sets the caller of the phase now running (null between phases); returns the one it replaces. */
    serve(caller: Caller | null): Caller | null {
      const previous = serving;
      serving = caller;
      return previous;
    },
    stamp(requestJson: string): string {
      if (serving === null) return requestJson;
      const request: unknown = JSON.parse(requestJson);
      if (typeof request !== 'object' || request === null || Array.isArray(request)) return requestJson;
      return JSON.stringify({ ...request, caller: serving });
    },
  };
}
