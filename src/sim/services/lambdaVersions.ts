/**
 * Lambda's version and alias API as boto3 sees it: PublishVersion, ListVersionsByFunction, alias CRUD with a
 * weighted RoutingConfig, and ListAliases.
 */
import type { Hub } from './hub';
import { type JsonObject, optNum, optObj, optStr, str } from './json';
import type { AliasConfiguration, AliasRoutingConfig, AwsError, FunctionConfiguration } from './kernel';
import type { Operation } from './operation';
import { functionNameOf } from './s3';
import { type ServiceError, serviceError } from './serviceError';

type Unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: AwsError }) => T;

export function aliasJson(a: AliasConfiguration): JsonObject {
  const out: JsonObject = {
    AliasArn: a.aliasArn,
    Name: a.name,
    FunctionVersion: a.functionVersion,
    Description: '',
    RevisionId: `${a.name}-${a.functionVersion}`,
  };
  if (a.routingConfig)
    out.RoutingConfig = { AdditionalVersionWeights: { ...a.routingConfig.additionalVersionWeights } };
  return out;
}

/** A function configuration (of $LATEST or a version) in the API's shape, with its state (SnapStart). */
export function configJson(hub: Hub, f: FunctionConfiguration): JsonObject {
  const snap = hub.world.snapshotState(f.functionName, f.version);
  const out: JsonObject = {
    FunctionName: f.functionName,
    FunctionArn: f.functionArn,
    Runtime: f.runtime,
    Role: f.role,
    Handler: f.handler,
    Timeout: f.timeout,
    MemorySize: f.memorySize,
    Version: f.version,
    Description: f.description,
    SnapStart: {
      ApplyOn: f.snapStartApplyOn,
      OptimizationStatus: snap ? 'On' : 'Off',
    },
    State: snap?.state ?? 'Active',
  };
  if (snap?.reason) out.StateReason = snap.reason;
  return out;
}

/** One page of a list by Marker/MaxItems (the marker is the index of the next item, opaque to callers). */
function page<T>(
  items: readonly T[],
  p: JsonObject,
): { readonly items: readonly T[]; readonly next?: string } {
  const max = optNum(p, 'MaxItems') ?? 50;
  if (!Number.isInteger(max) || max < 1 || max > 10_000)
    throw serviceError(
      'ValidationException',
      `1 validation error detected: Value '${max}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`,
      400,
    );
  const marker = optStr(p, 'Marker');
  const from = marker === undefined ? 0 : Number(marker);
  if (!Number.isInteger(from) || from < 0 || from > items.length)
    throw serviceError('InvalidParameterValueException', `Invalid Marker: ${marker}`, 400);
  const slice = items.slice(from, from + max);
  return from + max < items.length ? { items: slice, next: String(from + max) } : { items: slice };
}

/** RoutingConfig from boto3's shape; weights must be numbers (the sim checks range and versions). */
function routingOf(p: JsonObject): AliasRoutingConfig | undefined {
  const rc = optObj(p, 'RoutingConfig');
  if (!rc) return undefined;
  const weights = optObj(rc, 'AdditionalVersionWeights') ?? {};
  const out: Record<string, number> = {};
  for (const [version, weight] of Object.entries(weights)) {
    if (typeof weight !== 'number')
      throw serviceError(
        'ValidationException',
        `RoutingConfig.AdditionalVersionWeights: the weight of version ${version} must be a number from 0.0 to 1.0.`,
        400,
      );
    out[version] = weight;
  }
  return { additionalVersionWeights: out };
}

export function versionOperations(
  hub: Hub,
  fnArn: (p: JsonObject) => string,
  toError: (e: AwsError) => ServiceError,
): Record<string, Operation> {
  const unwrap: Unwrap = (r) => {
    if (!r.ok) throw toError(r.error);
    return r.value;
  };
  const name = (p: JsonObject) => functionNameOf(str(p, 'FunctionName'));
  const aliasOf = (p: JsonObject): AliasConfiguration => {
    const fn = name(p);
    const alias = hub.world.getAlias(fn, str(p, 'Name'));
    if (!alias) {
      const arn = `arn:aws:lambda:${hub.region}:${hub.accountId}:function:${fn}:${str(p, 'Name')}`;
      throw serviceError('ResourceNotFoundException', `Alias not found: ${arn}`, 404);
    }
    return alias;
  };
  return {
    PublishVersion: {
      action: 'lambda:PublishVersion',
      resource: fnArn,
      run: (p) => configJson(hub, unwrap(hub.world.publishVersion(name(p)))),
    },
    ListVersionsByFunction: {
      action: 'lambda:ListVersionsByFunction',
      resource: fnArn,
      run: (p) => {
        const { items, next } = page(unwrap(hub.world.listVersions(name(p))), p);
        return { Versions: items.map((f) => configJson(hub, f)), ...(next ? { NextMarker: next } : {}) };
      },
    },
    ListAliases: {
      action: 'lambda:ListAliases',
      resource: fnArn,
      run: (p) => {
        const all = unwrap(hub.world.listAliases(name(p), optStr(p, 'FunctionVersion')));
        const { items, next } = page(all, p);
        return { Aliases: items.map(aliasJson), ...(next ? { NextMarker: next } : {}) };
      },
    },
    CreateAlias: {
      action: 'lambda:CreateAlias',
      resource: fnArn,
      run: (p) =>
        aliasJson(
          unwrap(hub.world.createAlias(name(p), str(p, 'Name'), str(p, 'FunctionVersion'), routingOf(p))),
        ),
    },
    UpdateAlias: {
      action: 'lambda:UpdateAlias',
      resource: fnArn,
      run: (p) => {
        const current = aliasOf(p);
        // Left out, the version stays; RoutingConfig left out keeps the weights, an empty one clears them.
        const version = optStr(p, 'FunctionVersion') ?? current.functionVersion;
        const routing = routingOf(p) ?? current.routingConfig ?? undefined;
        return aliasJson(unwrap(hub.world.updateAlias(name(p), current.name, version, routing)));
      },
    },
    GetAlias: { action: 'lambda:GetAlias', resource: fnArn, run: (p) => aliasJson(aliasOf(p)) },
    DeleteAlias: {
      action: 'lambda:DeleteAlias',
      resource: fnArn,
      run: (p) => {
        unwrap(hub.world.deleteAlias(name(p), str(p, 'Name')));
        return {};
      },
    },
  };
}
