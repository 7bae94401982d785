/** CreateFunction, Update*, DeleteFunction, PublishVersion, aliases and layers: validate fully, then apply. */
import { conflict, fail, invalidParameter, notFound, type Result, validationError } from './awsErrors';
import { IMAGE_BASE_RUNTIME } from './coldStart';
import { setReserved } from './concurrency';
import { closePc } from './concurrencyCommands';
import { type ConfigCandidate, filesSize, validateCandidate } from './configValidation';
import { retireWhere } from './envPool';
import type {
  AliasConfiguration,
  AliasRoutingConfig,
  CodeInput,
  CreateFunctionInput,
  FunctionConfigPatch,
  FunctionConfiguration,
  LayerVersion,
  PublishLayerVersionInput,
} from './functionTypes';
import { beginInit } from './lifecycle';
import { SCALING_ENVS_PER_WINDOW } from './limits';
import { getRecord } from './records';
import type { Architecture } from './runtimes';
import { dropSnapshot, isSnapStartVersion, takeSnapshot } from './snapStart';
import { type FunctionRecord, functionArn, type WorldCtx } from './worldTypes';

const ALIAS_PATTERN = /^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/;
const LAYER_NAME_PATTERN = /^[a-zA-Z0-9-_]+$/;

function findLayer(ctx: WorldCtx, arn: string): LayerVersion | undefined {
  const m = /:layer:([a-zA-Z0-9-_]+):([0-9]+)$/.exec(arn);
  if (!m?.[1] || !m[2]) return undefined;
  const layer = ctx.layers.get(m[1])?.[Number(m[2]) - 1];
  return layer?.layerVersionArn === arn ? layer : undefined;
}

function toConfiguration(
  ctx: WorldCtx,
  c: ConfigCandidate,
  layers: readonly LayerVersion[],
  revision: number,
): FunctionConfiguration {
  const image = c.packageType === 'Image';
  const vpc = c.vpcConfig && c.vpcConfig.subnetIds.length > 0 ? c.vpcConfig : null;
  return {
    functionName: c.functionName,
    functionArn: functionArn(ctx, c.functionName),
    version: '$LATEST',
    revision,
    runtime: c.runtime ?? IMAGE_BASE_RUNTIME,
    // An image's entry point comes from its CMD; the lab models the Python base image's default.
    handler: c.handler ?? 'lambda_function.lambda_handler',
    role: c.role ?? '',
    memorySize: c.memorySize ?? 128,
    timeout: c.timeout ?? 3,
    ephemeralStorageMb: c.ephemeralStorage?.size ?? 512,
    environment: { ...(c.environment?.variables ?? {}) },
    architecture: (c.architectures?.[0] ?? 'x86_64') as Architecture,
    packageType: c.packageType,
    code: c.code.files ?? {},
    codeSizeBytes: image ? (c.code.imageSizeBytes ?? 0) : (c.code.zipSizeBytes ?? filesSize(c.code)),
    unzippedSizeBytes: image ? 0 : (c.code.unzippedSizeBytes ?? filesSize(c.code)),
    imageUri: c.code.imageUri ?? null,
    layers,
    vpc,
    deadLetterTargetArn: c.deadLetterConfig?.targetArn || null,
    snapStartApplyOn: c.snapStart?.applyOn === 'PublishedVersions' ? 'PublishedVersions' : 'None',
    logFormat: c.loggingConfig?.logFormat === 'JSON' ? 'JSON' : 'Text',
    description: c.description ?? '',
  };
}

function build(ctx: WorldCtx, c: ConfigCandidate, revision: number): Result<FunctionConfiguration> {
  const v = validateCandidate(c, (arn) => findLayer(ctx, arn));
  if ('name' in v) return { ok: false, error: v };
  return { ok: true, value: toConfiguration(ctx, c, v.layers, revision), effects: [] };
}

export function createFunction(ctx: WorldCtx, input: CreateFunctionInput): Result<FunctionConfiguration> {
  const { publish: _publish, ...fields } = input;
  const candidate: ConfigCandidate = { ...fields, packageType: input.packageType ?? 'Zip' };
  const built = build(ctx, candidate, 1);
  if (!built.ok) return built;
  if (ctx.functions.has(input.functionName)) return conflict(`Function already exist: ${input.functionName}`);
  const fn: FunctionRecord = {
    name: input.functionName,
    arn: built.value.functionArn,
    raw: candidate,
    latest: built.value,
    versions: new Map(),
    nextVersion: 1,
    lastPublishedRevision: 0,
    aliases: new Map(),
    reserved: null,
    pc: new Map(),
    eventInvokeConfigs: new Map(),
    snapshots: new Map(),
    onDemandInFlight: 0,
    pcAllocated: 0,
    scalingTokens: SCALING_ENVS_PER_WINDOW,
    scalingTokensAt: ctx.now,
    deleted: false,
  };
  ctx.functions.set(fn.name, fn);
  ctx.trace.emit('lambda.function.created', ctx.now, { functionName: fn.name, functionArn: fn.arn });
  if (input.publish) publishVersion(ctx, fn.name);
  return built;
}

function applyUpdate(
  ctx: WorldCtx,
  name: string,
  change: 'code' | 'configuration',
  merge: (raw: ConfigCandidate) => ConfigCandidate,
): Result<FunctionConfiguration> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  const candidate = merge(fn.raw);
  const built = build(ctx, candidate, fn.latest.revision + 1);
  if (!built.ok) return built;
  fn.raw = candidate;
  fn.latest = built.value;
  ctx.trace.emit('lambda.function.updated', ctx.now, {
    functionName: name,
    change,
    revision: built.value.revision,
  });
  // New requests go to new environments; old ones finish their work and leave.
  retireWhere(ctx, (e) => e.fn === fn && e.config.version === '$LATEST', `function ${change} updated`);
  return built;
}

export function updateFunctionConfiguration(
  ctx: WorldCtx,
  name: string,
  patch: FunctionConfigPatch,
): Result<FunctionConfiguration> {
  return applyUpdate(ctx, name, 'configuration', (raw) => ({ ...raw, ...patch }));
}

export function updateFunctionCode(
  ctx: WorldCtx,
  name: string,
  code: CodeInput,
): Result<FunctionConfiguration> {
  return applyUpdate(ctx, name, 'code', (raw) => ({ ...raw, code }));
}

export function publishVersion(ctx: WorldCtx, name: string): Result<FunctionConfiguration> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  // Publishing unchanged code and configuration returns the existing latest version, as AWS does.
  const existing = fn.versions.get(String(fn.nextVersion - 1));
  if (existing && fn.lastPublishedRevision === fn.latest.revision)
    return { ok: true, value: existing, effects: [] };
  const version = String(fn.nextVersion++);
  const config: FunctionConfiguration = {
    ...fn.latest,
    version,
    functionArn: functionArn(ctx, name, version),
  };
  fn.versions.set(version, config);
  fn.lastPublishedRevision = fn.latest.revision;
  ctx.trace.emit('lambda.version.published', ctx.now, { functionName: name, version });
  if (isSnapStartVersion(config)) takeSnapshot(ctx, fn, config, (env) => beginInit(ctx, env, 'init'));
  return { ok: true, value: config, effects: [] };
}

export function deleteFunction(ctx: WorldCtx, name: string, qualifier?: string): Result<null> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  if (qualifier !== undefined) {
    if (qualifier === '$LATEST')
      return invalidParameter('$LATEST version cannot be deleted without deleting the function.');
    if (!fn.versions.has(qualifier))
      return notFound(`Function not found: ${functionArn(ctx, name, qualifier)}`);
    const users = [...fn.aliases.values()].filter((a) => a.functionVersion === qualifier).map((a) => a.name);
    if (users.length > 0) {
      return conflict(
        `Unable to delete version because the following aliases reference it: [${users.join(', ')}]`,
      );
    }
    for (const [q, pc] of fn.pc) if (pc.version === qualifier) closePc(ctx, fn, q);
    fn.versions.delete(qualifier);
    dropSnapshot(ctx, fn, qualifier);
    retireWhere(ctx, (e) => e.fn === fn && e.config.version === qualifier, 'version deleted');
  } else {
    for (const q of [...fn.pc.keys()]) closePc(ctx, fn, q);
    setReserved(ctx, fn, null);
    for (const v of [...fn.snapshots.keys()]) dropSnapshot(ctx, fn, v);
    fn.deleted = true;
    ctx.functions.delete(name);
    retireWhere(ctx, (e) => e.fn === fn, 'function deleted');
  }
  ctx.trace.emit('lambda.function.deleted', ctx.now, { functionName: name, qualifier: qualifier ?? null });
  return { ok: true, value: null, effects: [] };
}

export function putAlias(
  ctx: WorldCtx,
  name: string,
  alias: string,
  version: string,
  mode: 'create' | 'update',
  routing: AliasRoutingConfig | null = null,
): Result<AliasConfiguration> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  if (alias.length > 128 || !ALIAS_PATTERN.test(alias)) {
    return validationError([
      {
        field: 'name',
        value: alias,
        constraint: 'Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)',
      },
    ]);
  }
  const aliasArn = functionArn(ctx, name, alias);
  const exists = fn.aliases.has(alias);
  if (mode === 'create' && exists) return conflict(`Alias already exists: ${aliasArn}`);
  if (mode === 'update' && !exists) return notFound(`Alias not found: ${aliasArn}`);
  if (version !== '$LATEST' && !fn.versions.has(version)) {
    return notFound(`Function not found: ${functionArn(ctx, name, version)}`);
  }
  const weights = Object.entries(routing?.additionalVersionWeights ?? {});
  if (weights.length > 1) {
    return invalidParameter(
      'RoutingConfig.AdditionalVersionWeights: an alias can route to at most one additional version.',
    );
  }
  for (const [extra, weight] of weights) {
    if (!(weight >= 0 && weight <= 1)) {
      return validationError([
        {
          field: 'routingConfig.additionalVersionWeights',
          value: String(weight),
          constraint: 'Member must have value between 0.0 and 1.0',
        },
      ]);
    }
    if (version === '$LATEST' || extra === '$LATEST') {
      return invalidParameter(
        'RoutingConfig: weighted aliases route between published versions only, not $LATEST.',
      );
    }
    if (extra === version) {
      return invalidParameter(
        `RoutingConfig.AdditionalVersionWeights: version ${extra} is already the alias's primary version.`,
      );
    }
    if (!fn.versions.has(extra)) return notFound(`Function not found: ${functionArn(ctx, name, extra)}`);
  }
  const routingConfig =
    weights.length > 0 && routing
      ? { additionalVersionWeights: { ...routing.additionalVersionWeights } }
      : null;
  const value: AliasConfiguration = { name: alias, aliasArn, functionVersion: version, routingConfig };
  fn.aliases.set(alias, value);
  ctx.trace.emit('lambda.alias.changed', ctx.now, {
    functionName: name,
    alias,
    version,
    action: mode === 'create' ? 'created' : 'updated',
  });
  return { ok: true, value, effects: [] };
}

export function listVersions(ctx: WorldCtx, name: string): Result<FunctionConfiguration[]> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  const versions = [...fn.versions.values()].sort((a, b) => Number(a.version) - Number(b.version));
  return { ok: true, value: [fn.latest, ...versions], effects: [] };
}

export function listAliases(ctx: WorldCtx, name: string, version?: string): Result<AliasConfiguration[]> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  const all = [...fn.aliases.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const value = version === undefined ? all : all.filter((a) => a.functionVersion === version);
  return { ok: true, value, effects: [] };
}

export function deleteAlias(ctx: WorldCtx, name: string, alias: string): Result<null> {
  const fn = getRecord(ctx, name);
  if ('ok' in fn) return fn;
  if (!fn.aliases.delete(alias)) return notFound(`Alias not found: ${functionArn(ctx, name, alias)}`);
  if (fn.pc.has(alias)) closePc(ctx, fn, alias);
  ctx.trace.emit('lambda.alias.changed', ctx.now, {
    functionName: name,
    alias,
    version: null,
    action: 'deleted',
  });
  return { ok: true, value: null, effects: [] };
}

export function publishLayerVersion(ctx: WorldCtx, input: PublishLayerVersionInput): Result<LayerVersion> {
  const name = input.layerName;
  if (name.length === 0 || name.length > 140 || !LAYER_NAME_PATTERN.test(name)) {
    return validationError([
      {
        field: 'layerName',
        value: name,
        constraint: 'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ (1-140 characters)',
      },
    ]);
  }
  const list = ctx.layers.get(name) ?? [];
  const size = input.unzippedSizeBytes ?? filesSize({ files: input.files });
  if (size > 262_144_000)
    return fail('InvalidParameterValueException', 'Unzipped size must be smaller than 262144000 bytes');
  const version = list.length + 1;
  // Published layer versions are immutable: frozen copies, never edited in place.
  const layer: LayerVersion = Object.freeze({
    layerName: name,
    version,
    layerVersionArn: `arn:aws:lambda:${ctx.opts.region}:${ctx.opts.accountId}:layer:${name}:${version}`,
    files: Object.freeze({ ...input.files }),
    unzippedSizeBytes: size,
    compatibleRuntimes: Object.freeze([...(input.compatibleRuntimes ?? [])]),
  });
  ctx.layers.set(name, [...list, layer]);
  ctx.trace.emit('lambda.layer.published', ctx.now, { layerVersionArn: layer.layerVersionArn });
  return { ok: true, value: layer, effects: [] };
}
