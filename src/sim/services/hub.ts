/**
 * The services' shared plumbing: the world's service context, IAM, invocation lineage (for recursive-loop
 * detection) and sync invokes with a continuation, built from the world's public interface only.
 */
import type { Iam } from './iam';
import type { AwsError, InvokeParams, InvokeResponse, ServiceContext, TracePayloads, World } from './kernel';
import './traceNames';

/** Lambda stops a recursive loop after about 16 invocations in one chain (Lambda recursive loop detection). */
export const RECURSION_LIMIT = 16;

export type SyncOutcome =
  | { readonly kind: 'response'; readonly response: InvokeResponse }
  | { readonly kind: 'refused'; readonly error: AwsError };

export interface Hub {
  readonly world: World;
  readonly ctx: ServiceContext;
  readonly region: string;
  readonly accountId: string;
  readonly iam: Iam;
  now(): number;
  emit<K extends keyof TracePayloads>(name: K, payload: TracePayloads[K]): void;
  /** How many service-triggered hops led to this request (0 for a direct invoke). */
  depthOf(requestId: string | null): number;
  /** Invoke asynchronously on behalf of a service, carrying the chain depth; false if the loop was stopped. */
  invokeAsync(
    functionName: string,
    payloadJson: string,
    depth: number,
    source: string,
    qualifier?: string,
  ): boolean;
  /** Invoke synchronously; `done` runs once the response is known (or at once if Lambda refused it). */
  invokeSync(params: InvokeParams, depth: number, done: (o: SyncOutcome) => void): string | null;
  functionRole(functionName: string, qualifier?: string): string | null;
}

export function createHub(
  world: World,
  ctx: ServiceContext,
  iam: Iam,
  region: string,
  accountId: string,
): Hub {
  const depths = new Map<string, number>();
  const waiting = new Map<string, (o: SyncOutcome) => void>();
  world.trace.subscribe((e) => {
    if (e.name !== 'lambda.invoke.end') return;
    const done = waiting.get(e.requestId);
    if (!done) return;
    waiting.delete(e.requestId);
    // The kernel stores the response just after emitting invoke.end, so read it one step later.
    ctx.schedule(ctx.now(), 'aws.invoke.response', () => {
      const response = world.getResponse(e.requestId);
      if (response) done({ kind: 'response', response });
    });
  });
  const remember = (requestId: string, depth: number): void => {
    if (depth > 0) depths.set(requestId, depth);
  };
  return {
    world,
    ctx,
    region,
    accountId,
    iam,
    now: () => ctx.now(),
    emit: (name, payload) => ctx.emit(name, payload),
    depthOf: (requestId) => (requestId === null ? 0 : (depths.get(requestId) ?? 0)),
    invokeAsync(functionName, payloadJson, depth, source, qualifier) {
      if (depth > RECURSION_LIMIT) {
        ctx.emit('lambda.recursion.stopped', { functionName, source, depth });
        return false;
      }
      const r = ctx.invoke({ functionName, qualifier, invocationType: 'Event', payloadJson });
      if (r.ok) remember(r.value.requestId, depth);
      return r.ok;
    },
    invokeSync(params, depth, done) {
      const r = ctx.invoke({ ...params, invocationType: 'RequestResponse' });
      if (!r.ok) {
        done({ kind: 'refused', error: r.error });
        return null;
      }
      remember(r.value.requestId, depth);
      waiting.set(r.value.requestId, done);
      return r.value.requestId;
    },
    functionRole(functionName, qualifier) {
      const r = world.getFunction(functionName, qualifier);
      return r.ok ? r.value.role : null;
    },
  };
}
