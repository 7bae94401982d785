/**
 * DynamoDB secondary indexes: global (any partition key) and local (the table's partition key, another sort
 * key), declared at CreateTable. An index holds only items that carry its key attributes (a sparse index),
 * projected to its keys, the table's keys and, per projection type, some or all other attributes.
 */

import { type Item, typeOf } from './ddbEval';
import type { Cond } from './ddbExpr';
import { isObject, type Json, type JsonObject, optArr, optStr, str } from './json';
import { serviceError } from './serviceError';

export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';

export interface KeyOwner {
  readonly pk: string;
  readonly sk: string | null;
  readonly attrTypes: Readonly<Record<string, string>>;
}

export interface SecondaryIndex {
  readonly name: string;
  readonly kind: 'global' | 'local';
  readonly pk: string;
  readonly sk: string | null;
  readonly projection: ProjectionType;
  readonly nonKeyAttributes: readonly string[];
}

const MAX_GSI = 20;
const MAX_LSI = 5;
const MAX_PROJECTED_NON_KEY = 100;

function invalid(message: string): never {
  throw serviceError('ValidationException', `One or more parameter values were invalid: ${message}`);
}

function parseOne(raw: Json, kind: 'global' | 'local', table: KeyOwner): SecondaryIndex {
  if (!isObject(raw)) invalid('An index definition must be a structure');
  const name = str(raw, 'IndexName');
  if (name.length < 3 || name.length > 255) {
    throw serviceError(
      'ValidationException',
      `1 validation error detected: Value '${name}' at 'indexName' failed to satisfy constraint: Member must have length ${name.length < 3 ? 'greater than or equal to 3' : 'less than or equal to 255'}`,
    );
  }
  if (!/^[a-zA-Z0-9_.-]+$/.test(name)) {
    throw serviceError(
      'ValidationException',
      `1 validation error detected: Value '${name}' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`,
    );
  }
  const schema = optArr(raw, 'KeySchema') ?? [];
  const hash = schema.find((k) => isObject(k) && k.KeyType === 'HASH');
  const range = schema.find((k) => isObject(k) && k.KeyType === 'RANGE');
  if (!isObject(hash)) invalid(`Index KeySchema does not have a HASH key for index: ${name}`);
  const pk = str(hash, 'AttributeName');
  const sk = isObject(range) ? str(range, 'AttributeName') : null;
  for (const k of [pk, sk]) {
    if (k && !table.attrTypes[k])
      invalid(
        `Some index key attributes are not defined in AttributeDefinitions. Keys: [${k}], AttributeDefinitions: [${Object.keys(table.attrTypes).join(', ')}]`,
      );
  }
  if (kind === 'local') {
    if (table.sk === null)
      invalid(
        'Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex',
      );
    if (pk !== table.pk)
      invalid(
        `Index KeySchema does not have the same leading hash key as table KeySchema for index: ${name}. index hash key: ${pk}, table hash key: ${table.pk}`,
      );
    if (sk === null) invalid(`Index KeySchema must have a range key for a local secondary index: ${name}`);
  }
  const proj = isObject(raw.Projection) ? raw.Projection : null;
  if (proj === null)
    throw serviceError(
      'ValidationException',
      `1 validation error detected: Value null at '${kind === 'global' ? 'globalSecondaryIndexes' : 'localSecondaryIndexes'}.1.member.projection' failed to satisfy constraint: Member must not be null`,
    );
  const type = optStr(proj, 'ProjectionType');
  if (type !== 'ALL' && type !== 'KEYS_ONLY' && type !== 'INCLUDE')
    invalid(`Unknown ProjectionType: ${type ?? 'null'}`);
  const nonKey = (optArr(proj, 'NonKeyAttributes') ?? []).map(String);
  if (type === 'INCLUDE' && nonKey.length === 0)
    invalid('ProjectionType is INCLUDE, but NonKeyAttributes is not specified');
  if (type !== 'INCLUDE' && nonKey.length > 0)
    invalid(`ProjectionType is ${type}, but NonKeyAttributes is specified`);
  return { name, kind, pk, sk, projection: type, nonKeyAttributes: nonKey };
}

/** The indexes of a CreateTable request, validated as DynamoDB validates them. */
export function parseIndexes(p: JsonObject, table: KeyOwner): SecondaryIndex[] {
  const gsis = (optArr(p, 'GlobalSecondaryIndexes') ?? []).map((g) => parseOne(g, 'global', table));
  const lsis = (optArr(p, 'LocalSecondaryIndexes') ?? []).map((l) => parseOne(l, 'local', table));
  if (gsis.length > MAX_GSI)
    throw serviceError(
      'LimitExceededException',
      `Subscriber limit exceeded: The number of global secondary indexes exceeds the limit of ${MAX_GSI}`,
    );
  if (lsis.length > MAX_LSI) invalid(`Number of LocalSecondaryIndexes exceeds per-table limit of ${MAX_LSI}`);
  const all = [...gsis, ...lsis];
  const names = new Set<string>();
  for (const i of all) {
    if (names.has(i.name)) invalid(`Duplicate index name: ${i.name}`);
    names.add(i.name);
  }
  const projected = new Set(all.flatMap((i) => i.nonKeyAttributes));
  if (projected.size > MAX_PROJECTED_NON_KEY)
    invalid(
      `The number of projected non-key attributes across all indexes exceeds the limit of ${MAX_PROJECTED_NON_KEY}`,
    );
  return all;
}

/** A write DynamoDB refuses because of an index: a key attribute of the wrong type, or an empty string/binary. */
export function checkIndexKeys(table: KeyOwner, indexes: readonly SecondaryIndex[], item: Item): void {
  for (const idx of indexes) {
    for (const k of [idx.pk, idx.sk]) {
      if (k === null || item[k] === undefined || k === table.pk || k === table.sk) continue;
      const v = item[k];
      const actual = typeOf(v);
      const expected = table.attrTypes[k];
      if (actual !== expected)
        invalid(
          `Type mismatch for Index Key ${k} Expected: ${expected} Actual: ${actual} IndexName: ${idx.name}`,
        );
      const inner = isObject(v) ? v[actual] : undefined;
      if (inner === '')
        throw serviceError(
          'ValidationException',
          `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${actual === 'S' ? 'string' : 'binary'} value. IndexName: ${idx.name}, IndexKey: ${k}`,
        );
    }
  }
}

/** The key attributes an index entry always carries: the index's keys and the table's. */
export function indexKeyNames(table: KeyOwner, idx: SecondaryIndex): string[] {
  return [...new Set([idx.pk, ...(idx.sk ? [idx.sk] : []), table.pk, ...(table.sk ? [table.sk] : [])])];
}

/** The item as the index stores it, or null when it lacks an index key (sparse index). */
export function indexEntry(table: KeyOwner, idx: SecondaryIndex, item: Item): Item | null {
  if (item[idx.pk] === undefined || (idx.sk !== null && item[idx.sk] === undefined)) return null;
  if (idx.projection === 'ALL') return item;
  const out: Item = {};
  for (const k of indexKeyNames(table, idx)) if (item[k] !== undefined) out[k] = item[k]!;
  if (idx.projection === 'INCLUDE')
    for (const k of idx.nonKeyAttributes) if (item[k] !== undefined) out[k] = item[k]!;
  return out;
}

/** Approximate stored size of an item: attribute names plus values (DynamoDB's own rule, simplified). */
export function itemSizeBytes(item: Item): number {
  const enc = new TextEncoder();
  const size = (v: Json): number => {
    if (typeof v === 'string') return enc.encode(v).length;
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) return 1;
    if (Array.isArray(v)) return 3 + v.reduce<number>((n, x) => n + size(x), 0);
    return Object.entries(v).reduce<number>(
      (n, [k, x]) => n + (k.length <= 4 ? 0 : enc.encode(k).length) + size(x),
      0,
    );
  };
  return Object.entries(item).reduce((n, [k, v]) => n + enc.encode(k).length + size(v), 0);
}

/** DescribeTable's GlobalSecondaryIndexes and LocalSecondaryIndexes, with live counts. */
export function describeIndexes(
  table: KeyOwner & { readonly arn: string },
  indexes: readonly SecondaryIndex[],
  items: Iterable<Item>,
): JsonObject {
  const list = [...items];
  const one = (idx: SecondaryIndex): JsonObject => {
    const keySchema: Json[] = [{ AttributeName: idx.pk, KeyType: 'HASH' }];
    if (idx.sk) keySchema.push({ AttributeName: idx.sk, KeyType: 'RANGE' });
    const projection: JsonObject = { ProjectionType: idx.projection };
    if (idx.projection === 'INCLUDE') projection.NonKeyAttributes = [...idx.nonKeyAttributes];
    const entries = list.flatMap((i) => {
      const e = indexEntry(table, idx, i);
      return e ? [e] : [];
    });
    const out: JsonObject = { IndexName: idx.name, KeySchema: keySchema, Projection: projection };
    if (idx.kind === 'global') {
      out.IndexStatus = 'ACTIVE';
      out.ProvisionedThroughput = { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 };
    }
    out.IndexSizeBytes = entries.reduce((n, e) => n + itemSizeBytes(e), 0);
    out.ItemCount = entries.length;
    out.IndexArn = `${table.arn}/index/${idx.name}`;
    return out;
  };
  const out: JsonObject = {};
  const gsis = indexes.filter((i) => i.kind === 'global');
  const lsis = indexes.filter((i) => i.kind === 'local');
  if (gsis.length > 0) out.GlobalSecondaryIndexes = gsis.map(one);
  if (lsis.length > 0) out.LocalSecondaryIndexes = lsis.map(one);
  return out;
}

/**
 * A key condition must test the partition key for equality and may add one condition on the sort key
 * (=, <, <=, >, >=, BETWEEN or begins_with), joined by AND; anything else is refused as DynamoDB does.
 */
export function checkKeyCondition(c: Cond, keys: { readonly pk: string; readonly sk: string | null }): void {
  const parts: Cond[] = [];
  const flatten = (x: Cond): void => {
    if (x.kind === 'and') {
      flatten(x.a);
      flatten(x.b);
    } else parts.push(x);
  };
  flatten(c);
  const unsupported = (): never => {
    throw serviceError('ValidationException', 'Query key condition not supported');
  };
  const attrOf = (x: Cond): string => {
    const o = x.kind === 'cmp' || x.kind === 'between' ? x.a : x.kind === 'fn' ? x.args[0] : undefined;
    if (o?.kind !== 'path' || o.path.length !== 1) return unsupported();
    return String(o.path[0]);
  };
  let sawPk = false;
  let sawSk = false;
  for (const x of parts) {
    const attr = attrOf(x);
    if (attr === keys.pk && x.kind === 'cmp' && x.op === '=' && !sawPk) sawPk = true;
    else if (attr === keys.sk && !sawSk) {
      const ok =
        (x.kind === 'cmp' && x.op !== '<>') ||
        x.kind === 'between' ||
        (x.kind === 'fn' && x.name === 'begins_with');
      if (!ok)
        throw serviceError(
          'ValidationException',
          `Invalid operator used in KeyConditionExpression: ${x.kind === 'cmp' ? x.op : x.kind === 'fn' ? x.name : x.kind.toUpperCase()}`,
        );
      sawSk = true;
    } else unsupported();
  }
  if (!sawPk)
    throw serviceError('ValidationException', `Query condition missed key schema element: ${keys.pk}`);
}
