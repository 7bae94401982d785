/** Routing a request to a provisioned, warm or new environment, under the concurrency and scaling limits. */
import type { AwsError, ThrottleReason } from './awsErrors';
import { holdOnDemand, onDemandThrottle, takeScalingToken } from './concurrency';
import { createEnv } from './envCreate';
import type { FunctionConfiguration } from './functionTypes';
import { beginInit, serve } from './lifecycle';
import { restoreSeed } from './snapStart';
import {
  type AttemptResult,
  type FunctionRecord,
  functionArn,
  type Invocation,
  poolKey,
  type WorldCtx,
} from './worldTypes';

export interface Resolved {
  readonly fn: FunctionRecord;
  readonly config: FunctionConfiguration;
  /** As the caller gave it (undefined when unqualified), for the invoked ARN. */
  readonly qualifier: string | undefined;
}

/** Resolve a qualifier; with `route`, a weighted alias draws its version from the seeded RNG. */
export function resolveQualified(
  ctx: WorldCtx,
  name: string,
  qualifier?: string,
  route = false,
): Resolved | AwsError {
  const fn = ctx.functions.get(name);
  const missing = (): AwsError => ({
    name: 'ResourceNotFoundException',
    message: `Function not found: ${functionArn(ctx, name, qualifier)}`,
    httpStatus: 404,
  });
  if (!fn || fn.deleted) return missing();
  if (qualifier === undefined || qualifier === '$LATEST') return { fn, config: fn.latest, qualifier };
  const alias = fn.aliases.get(qualifier);
  let version = alias ? alias.functionVersion : qualifier;
  if (route && alias?.routingConfig) {
    const [extra, weight] = Object.entries(alias.routingConfig.additionalVersionWeights)[0] ?? ['', 0];
    if (ctx.rng.next() < weight) version = extra;
  }
  const config = fn.versions.get(version);
  return config ? { fn, config, qualifier } : missing();
}

export interface StartArgs {
  readonly requestId: string;
  readonly type: 'RequestResponse' | 'Event';
  readonly payloadJson: string;
  readonly clientContextJson: string | undefined;
  readonly qualifier: string | undefined;
  readonly attempt: number;
  readonly onDone: ((r: AttemptResult) => void) | null;
}

/** Route a request to an environment, or say why it is throttled. */
export function startInvocation(ctx: WorldCtx, r: Resolved, a: StartArgs): ThrottleReason | null {
  const { fn, config } = r;
  const key = poolKey(config);
  let env = ctx.pcPools.get(key)?.pop();
  let cold = false;
  if (!env) {
    const reason = onDemandThrottle(ctx, fn);
    if (reason) return reason;
    env = ctx.idlePools.get(key)?.pop();
    if (!env) {
      if (!takeScalingToken(ctx, fn)) return 'ConcurrentInvocationLimitExceeded';
      const seed = restoreSeed(fn, config);
      env =
        seed === null
          ? createEnv(ctx, fn, config, 'on-demand', null)
          : createEnv(ctx, fn, config, 'snap-start', null, { seed, restore: true });
      cold = true;
    }
    holdOnDemand(ctx, fn, 1);
  }
  const inv: Invocation = {
    requestId: a.requestId,
    functionName: fn.name,
    version: config.version,
    invokedArn: functionArn(ctx, fn.name, a.qualifier),
    type: a.type,
    payloadJson: a.payloadJson,
    clientContextJson: a.clientContextJson,
    attempt: a.attempt,
    onDone: a.onDone,
    cold,
    serveStart: ctx.now,
    handlerStart: ctx.now,
    preInvokeCentis: 0,
    initCentis: null,
    restoreCentis: null,
    handler: null,
    logFrom: 0,
  };
  if (cold) {
    env.current = inv;
    beginInit(ctx, env, 'init');
  } else serve(ctx, env, inv);
  return null;
}
