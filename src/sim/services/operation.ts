/** What one simulated service offers the dispatcher: its operations, each with the IAM action it needs. */
import type { AccessDeniedStyle } from './iam';
import type { JsonObject } from './json';

export interface AwsCaller {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly requestId: string | null;
  /** The execution environment making the call: the host routes the call to the world that owns it. */
  readonly envId?: string;
}

export interface CallContext {
  /** The caller's virtual time (a handler runs ahead of the world's clock while it works). */
  readonly nowMs: number;
  readonly caller: AwsCaller | null;
  /** Chain depth of the calling invocation, for recursive-loop detection. */
  readonly depth: number;
}

/** A call that waits on the world (a sync Lambda invoke); the host resumes it once the world has moved. */
export interface PendingResult {
  readonly pending: true;
  poll(): JsonObject | null;
  /** The caller's virtual time when the answer reached it (it waited until then); null while pending. */
  atMs?(): number | null;
}

export interface Operation {
  /** The IAM action checked against the caller's execution role, or null when none applies. */
  readonly action: string | null;
  resource(params: JsonObject, call: CallContext): string;
  run(params: JsonObject, call: CallContext): JsonObject | PendingResult;
}

export interface ServiceModule {
  readonly name: string;
  readonly denied: AccessDeniedStyle;
  readonly operations: Readonly<Record<string, Operation>>;
}

export function isPending(r: JsonObject | PendingResult): r is PendingResult {
  return (r as PendingResult).pending === true;
}
