/**
 * DynamoDB: tables with a partition key and optional sort key, the item operations with expressions and
 * conditions, and a stream per table (one shard, the four view types) for the stream event source mapping.
 */

import { applyUpdate, evalCond, type Item, project } from './ddbEval';
import { checkUnused, parseCondition, parseProjection, parseUpdate, placeholders } from './ddbExpr';
import {
  checkIndexKeys,
  checkKeyCondition,
  describeIndexes,
  parseIndexes,
  type SecondaryIndex,
} from './ddbIndex';
import { type ReadTable, readItems, readSource } from './ddbRead';
import { createTableStream, ddbStreamModule, type TableStream } from './ddbStream';
import type { StreamViewType } from './events/streamEvents';
import type { Hub } from './hub';
import {
  isObject,
  type Json,
  type JsonObject,
  optArr,
  optBool,
  optObj,
  optStr,
  str,
  timestamp,
} from './json';
import type { Operation, ServiceModule } from './operation';
import { serviceError } from './serviceError';
import type { StreamSource } from './streamTypes';

interface Table {
  readonly name: string;
  readonly arn: string;
  readonly pk: string;
  readonly sk: string | null;
  readonly attrTypes: Readonly<Record<string, string>>;
  readonly createdAt: number;
  readonly items: Map<string, Item>;
  readonly indexes: readonly SecondaryIndex[];
  stream: TableStream | null;
}

export interface DynamoDb {
  readonly module: ServiceModule;
  readonly streamsModule: ServiceModule;
  streamSource(arn: string): StreamSource | undefined;
}

function notFound(): never {
  throw serviceError('ResourceNotFoundException', 'Requested resource not found', 400);
}

function itemOf(p: JsonObject, name: string): Item {
  const v = p[name];
  if (!isObject(v))
    throw serviceError(
      'ValidationException',
      `1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  return structuredClone(v);
}

export function createDynamoDb(hub: Hub): DynamoDb {
  const tables = new Map<string, Table>();
  const tableOf = (p: JsonObject): Table => tables.get(str(p, 'TableName')) ?? notFound();
  const tableArn = (p: JsonObject): string =>
    `arn:aws:dynamodb:${hub.region}:${hub.accountId}:table/${str(p, 'TableName')}`;
  // Reading an index needs permission on the index's own ARN (table/T/index/I), as on AWS.
  const readArn = (p: JsonObject): string => {
    const index = optStr(p, 'IndexName');
    return index === undefined ? tableArn(p) : `${tableArn(p)}/index/${index}`;
  };
  const indexOf = (t: Table, p: JsonObject): SecondaryIndex | null => {
    const name = optStr(p, 'IndexName');
    if (name === undefined) return null;
    return (
      t.indexes.find((i) => i.name === name) ??
      (() => {
        throw serviceError('ValidationException', `The table does not have the specified index: ${name}`);
      })()
    );
  };
  const readTable = (t: Table): ReadTable => ({ ...t, keyOf: (item) => keyOf(t, item) });

  const keyOf = (t: Table, item: Item): string => {
    const check = (name: string): Json => {
      const v = item[name];
      if (!isObject(v) || Object.keys(v)[0] !== t.attrTypes[name]) {
        throw serviceError('ValidationException', 'The provided key element does not match the schema');
      }
      return v;
    };
    return JSON.stringify([check(t.pk), t.sk ? check(t.sk) : null]);
  };
  const keyOnly = (t: Table, item: Item): Item => {
    const out: Item = { [t.pk]: item[t.pk]! };
    if (t.sk) out[t.sk] = item[t.sk]!;
    return out;
  };
  const checkKeyArg = (t: Table, key: Item): void => {
    const expected = t.sk ? 2 : 1;
    if (Object.keys(key).length !== expected)
      throw serviceError('ValidationException', 'The provided key element does not match the schema');
  };

  const conditionOk = (
    p: JsonObject,
    current: Item | undefined,
    ph: ReturnType<typeof placeholders>,
  ): void => {
    const expr = optStr(p, 'ConditionExpression');
    if (expr === undefined) return;
    const c = parseCondition(expr, 'ConditionExpression', ph);
    if (!evalCond(current ?? {}, c))
      throw serviceError('ConditionalCheckFailedException', 'The conditional request failed');
  };

  const write = (
    t: Table,
    key: string,
    before: Item | undefined,
    after: Item | undefined,
    atMs: number,
    depth: number,
  ): void => {
    if (after) t.items.set(key, after);
    else t.items.delete(key);
    if (before === undefined && after === undefined) return;
    if (before && after && JSON.stringify(before) === JSON.stringify(after)) return;
    const eventName = !before ? 'INSERT' : !after ? 'REMOVE' : 'MODIFY';
    hub.emit('dynamodb.item.changed', { tableName: t.name, eventName, atMs });
    t.stream?.append(eventName, keyOnly(t, (after ?? before)!), after ?? null, before ?? null, atMs, depth);
  };

  const returnOld = (p: JsonObject, old: Item | undefined): JsonObject =>
    optStr(p, 'ReturnValues') === 'ALL_OLD' && old ? { Attributes: old } : {};

  const op = (action: string, run: Operation['run']): Operation => ({
    action: `dynamodb:${action}`,
    resource: tableArn,
    run,
  });
  const operations: Record<string, Operation> = {
    CreateTable: op('CreateTable', (p, c) => {
      const name = str(p, 'TableName');
      if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(name)) {
        throw serviceError(
          'ValidationException',
          `1 validation error detected: Value '${name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`,
        );
      }
      if (tables.has(name)) throw serviceError('ResourceInUseException', `Table already exists: ${name}`);
      const schema = optArr(p, 'KeySchema') ?? [];
      const defs = optArr(p, 'AttributeDefinitions') ?? [];
      const attrTypes: Record<string, string> = {};
      for (const d of defs) if (isObject(d)) attrTypes[str(d, 'AttributeName')] = str(d, 'AttributeType');
      const hash = schema.find((k) => isObject(k) && k.KeyType === 'HASH');
      const range = schema.find((k) => isObject(k) && k.KeyType === 'RANGE');
      if (!isObject(hash))
        throw serviceError(
          'ValidationException',
          'Invalid KeySchema: The first KeySchemaElement is not a HASH key type',
        );
      const pk = str(hash, 'AttributeName');
      const sk = isObject(range) ? str(range, 'AttributeName') : null;
      for (const k of [pk, sk]) {
        if (k && !attrTypes[k])
          throw serviceError(
            'ValidationException',
            'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [' +
              k +
              '], AttributeDefinitions: [' +
              Object.keys(attrTypes).join(', ') +
              ']',
          );
      }
      const indexes = parseIndexes(p, { pk, sk, attrTypes });
      const t: Table = {
        name,
        arn: `arn:aws:dynamodb:${hub.region}:${hub.accountId}:table/${name}`,
        pk,
        sk,
        attrTypes,
        createdAt: c.nowMs,
        items: new Map(),
        indexes,
        stream: null,
      };
      const spec = optObj(p, 'StreamSpecification');
      if (spec && optBool(spec, 'StreamEnabled')) {
        t.stream = createTableStream(
          hub,
          t.arn,
          c.nowMs,
          (optStr(spec, 'StreamViewType') ?? 'NEW_AND_OLD_IMAGES') as StreamViewType,
        );
      }
      tables.set(name, t);
      hub.emit('dynamodb.table.created', { tableName: name, streamViewType: t.stream?.viewType ?? null });
      return { TableDescription: describeTable(t) };
    }),
    DescribeTable: op('DescribeTable', (p) => ({ Table: describeTable(tableOf(p)) })),
    DeleteTable: op('DeleteTable', (p) => {
      const t = tableOf(p);
      tables.delete(t.name);
      return { TableDescription: { ...describeTable(t), TableStatus: 'DELETING' } };
    }),
    ListTables: {
      action: 'dynamodb:ListTables',
      resource: () => '*',
      run: () => ({ TableNames: [...tables.keys()].sort() }),
    },
    PutItem: op('PutItem', (p, c) => {
      const t = tableOf(p);
      const item = itemOf(p, 'Item');
      const key = keyOf(t, item);
      checkIndexKeys(t, t.indexes, item);
      const ph = placeholders(p);
      const old = t.items.get(key);
      conditionOk(p, old, ph);
      checkUnused(ph);
      write(t, key, old, item, c.nowMs, c.depth + 1);
      return returnOld(p, old);
    }),
    GetItem: op('GetItem', (p) => {
      const t = tableOf(p);
      const k = itemOf(p, 'Key');
      checkKeyArg(t, k);
      const item = t.items.get(keyOf(t, k));
      const ph = placeholders(p, false);
      const proj = optStr(p, 'ProjectionExpression');
      const paths = proj ? parseProjection(proj, ph) : null;
      checkUnused(ph);
      const out: JsonObject = {};
      if (item) out.Item = paths ? project(item, paths) : item;
      return out;
    }),
    DeleteItem: op('DeleteItem', (p, c) => {
      const t = tableOf(p);
      const k = itemOf(p, 'Key');
      checkKeyArg(t, k);
      const key = keyOf(t, k);
      const ph = placeholders(p);
      const old = t.items.get(key);
      conditionOk(p, old, ph);
      checkUnused(ph);
      write(t, key, old, undefined, c.nowMs, c.depth + 1);
      return returnOld(p, old);
    }),
    UpdateItem: op('UpdateItem', (p, c) => {
      const t = tableOf(p);
      const k = itemOf(p, 'Key');
      checkKeyArg(t, k);
      const key = keyOf(t, k);
      const ph = placeholders(p);
      const old = t.items.get(key);
      const exprText = optStr(p, 'UpdateExpression');
      const actions = exprText ? parseUpdate(exprText, ph) : [];
      for (const a of actions) {
        const top = a.path[0];
        if (top === t.pk || top === t.sk) {
          throw serviceError(
            'ValidationException',
            `One or more parameter values were invalid: Cannot update attribute ${String(top)}. This attribute is part of the key`,
          );
        }
      }
      conditionOk(p, old, ph);
      checkUnused(ph);
      const next: Item = old ? structuredClone(old) : { ...k };
      applyUpdate(next, actions);
      checkIndexKeys(t, t.indexes, next);
      write(t, key, old, next, c.nowMs, c.depth + 1);
      const rv = optStr(p, 'ReturnValues') ?? 'NONE';
      if (rv === 'ALL_NEW') return { Attributes: next };
      if (rv === 'ALL_OLD') return returnOld({ ReturnValues: 'ALL_OLD' }, old);
      if (rv === 'UPDATED_NEW' || rv === 'UPDATED_OLD') {
        const src = rv === 'UPDATED_NEW' ? next : (old ?? {});
        const out: Item = {};
        for (const a of actions) {
          const top = a.path[0] as string;
          if (src[top] !== undefined) out[top] = src[top]!;
        }
        return { Attributes: out };
      }
      return {};
    }),
    Query: {
      action: 'dynamodb:Query',
      resource: readArn,
      run: (p) => {
        const t = tableOf(p);
        const idx = indexOf(t, p);
        const ph = placeholders(p);
        const kc = parseCondition(str(p, 'KeyConditionExpression'), 'KeyConditionExpression', ph);
        checkKeyCondition(kc, idx ?? t);
        const rows = readSource(readTable(t), idx).filter((r) => evalCond(r.entry, kc));
        return readItems(p, readTable(t), idx, ph, rows, true);
      },
    },
    Scan: {
      action: 'dynamodb:Scan',
      resource: readArn,
      run: (p) => {
        const t = tableOf(p);
        const idx = indexOf(t, p);
        return readItems(p, readTable(t), idx, placeholders(p), readSource(readTable(t), idx), false);
      },
    },
    BatchWriteItem: {
      action: 'dynamodb:BatchWriteItem',
      resource: (p) => {
        const names = Object.keys(optObj(p, 'RequestItems') ?? {});
        return `arn:aws:dynamodb:${hub.region}:${hub.accountId}:table/${names[0] ?? '*'}`;
      },
      run: (p, c) => {
        const req = optObj(p, 'RequestItems') ?? {};
        const plan: (() => void)[] = [];
        let count = 0;
        for (const [name, list] of Object.entries(req)) {
          const t = tables.get(name) ?? notFound();
          for (const r of Array.isArray(list) ? list : []) {
            if (!isObject(r)) continue;
            count++;
            if (isObject(r.PutRequest)) {
              const item = itemOf(r.PutRequest, 'Item');
              const key = keyOf(t, item);
              checkIndexKeys(t, t.indexes, item);
              plan.push(() => write(t, key, t.items.get(key), item, c.nowMs, c.depth + 1));
            } else if (isObject(r.DeleteRequest)) {
              const k = itemOf(r.DeleteRequest, 'Key');
              checkKeyArg(t, k);
              const key = keyOf(t, k);
              plan.push(() => write(t, key, t.items.get(key), undefined, c.nowMs, c.depth + 1));
            }
          }
        }
        if (count > 25)
          throw serviceError(
            'ValidationException',
            "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]",
          );
        for (const run of plan) run();
        return { UnprocessedItems: {} };
      },
    },
  };

  const describeTable = (t: Table): JsonObject => {
    const keySchema: Json[] = [{ AttributeName: t.pk, KeyType: 'HASH' }];
    if (t.sk) keySchema.push({ AttributeName: t.sk, KeyType: 'RANGE' });
    const out: JsonObject = {
      TableName: t.name,
      TableArn: t.arn,
      TableStatus: 'ACTIVE',
      KeySchema: keySchema,
      AttributeDefinitions: Object.entries(t.attrTypes).map(([AttributeName, AttributeType]) => ({
        AttributeName,
        AttributeType,
      })),
      ItemCount: t.items.size,
      CreationDateTime: timestamp(t.createdAt),
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      ...describeIndexes(t, t.indexes, t.items.values()),
    };
    if (t.stream) {
      out.StreamSpecification = { StreamEnabled: true, StreamViewType: t.stream.viewType };
      out.LatestStreamArn = t.stream.arn;
      out.LatestStreamLabel = t.stream.label;
    }
    return out;
  };

  return {
    module: {
      name: 'dynamodb',
      denied: { code: 'AccessDeniedException', httpStatus: 400, quoteResource: false },
      operations,
    },
    streamsModule: ddbStreamModule(hub, () =>
      [...tables.values()].flatMap((t) => (t.stream ? [t.stream] : [])),
    ),
    streamSource: (arn) => [...tables.values()].find((t) => t.stream?.arn === arn)?.stream ?? undefined,
  };
}
