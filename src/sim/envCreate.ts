/** Creating an execution environment: its id, log stream, process environment and lifetime timer. */
import { buildEnvSpec } from './envSpec';
import type { FunctionConfiguration } from './functionTypes';
import { fnv1a } from './hash.mjs';
import { streamDate } from './timeFormat';
import type { InitType } from './trace';
import { type Env, type FunctionRecord, type PcConfig, poolKey, schedule, type WorldCtx } from './worldTypes';

/** A stable 64-hex runtime version ARN suffix per runtime version (FNV-1a, so no RNG draw). */
export function runtimeArnHex(version: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    const h = fnv1a(version, (0x811c9dc5 ^ round) >>> 0);
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

export function createEnv(
  ctx: WorldCtx,
  fn: FunctionRecord,
  config: FunctionConfiguration,
  initType: InitType,
  pc: PcConfig | null,
  snapStart?: { readonly seed: number; readonly restore: boolean },
): Env {
  const id = ctx.rng.hex(32);
  const logGroup = `/aws/lambda/${config.functionName}`;
  const logStream = `${streamDate(ctx.now)}/[${config.version}]${id}`;
  const spec = buildEnvSpec({
    envId: id,
    config,
    initType,
    logGroupName: logGroup,
    logStreamName: logStream,
    region: ctx.opts.region,
    rng: ctx.rng,
    snapStart,
  });
  const env: Env = {
    id,
    fn,
    config,
    poolKey: poolKey(config),
    initType,
    spec,
    logGroup,
    logStream,
    createdAt: ctx.now,
    json: config.logFormat === 'JSON',
    pc,
    takesSnapshot: snapStart?.restore === false,
    state: 'creating',
    awaiting: 'none',
    issueSeq: -1,
    reported: false,
    init: null,
    pendingColdInitCentis: null,
    pendingRestoreCentis: null,
    needsReset: false,
    maxMemoryMb: 0,
    idleTtlMs: ctx.rng.between(ctx.opts.lifetime.idleMinMs, ctx.opts.lifetime.idleMaxMs),
    idleSince: ctx.now,
    idleTimerPending: false,
    retire: false,
    current: null,
  };
  ctx.envs.set(id, env);
  ctx.trace.emit('lambda.env.created', ctx.now, {
    envId: id,
    functionName: config.functionName,
    version: config.version,
    initType,
    logStreamName: logStream,
  });
  ctx.logs.createStream(logGroup, logStream, ctx.now);
  const life = ctx.opts.lifetime;
  schedule(ctx, ctx.now + life.maxAgeMs + ctx.rng.between(0, life.maxAgeJitterMs), {
    kind: 'maxLifetime',
    env,
  });
  return env;
}
