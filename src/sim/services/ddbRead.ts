/**
 * Query and Scan results, on a table or one of its secondary indexes: key order, ScanIndexForward, Limit
 * with LastEvaluatedKey, FilterExpression after the limit, ProjectionExpression and Select.
 */

import { compare, evalCond, type Item, project } from './ddbEval';
import { checkUnused, type Placeholders, parseCondition, parseProjection } from './ddbExpr';
import { indexEntry, indexKeyNames, type KeyOwner, type SecondaryIndex } from './ddbIndex';
import { type JsonObject, optBool, optNum, optObj, optStr } from './json';
import { serviceError } from './serviceError';

export interface ReadTable extends KeyOwner {
  readonly items: Map<string, Item>;
  /** The table's own key string of an item (what ExclusiveStartKey is matched by). */
  keyOf(item: Item): string;
}

function validation(message: string): never {
  throw serviceError('ValidationException', message);
}

/** The entries a read sees: the table's items, or the index's projected, sparse copy of them. */
export function readSource(t: ReadTable, idx: SecondaryIndex | null): { entry: Item; item: Item }[] {
  const out: { entry: Item; item: Item }[] = [];
  for (const item of t.items.values()) {
    const entry = idx ? indexEntry(t, idx, item) : item;
    if (entry) out.push({ entry, item });
  }
  return out;
}

export function readItems(
  p: JsonObject,
  t: ReadTable,
  idx: SecondaryIndex | null,
  ph: Placeholders,
  rows: { entry: Item; item: Item }[],
  /** A Query (rows of one partition, in sort-key order) rather than a Scan. */
  keyed: boolean,
): JsonObject {
  const pk = idx ? idx.pk : t.pk;
  const sk = idx ? idx.sk : t.sk;
  const select = optStr(p, 'Select');
  const filterText = optStr(p, 'FilterExpression');
  const filter = filterText ? parseCondition(filterText, 'FilterExpression', ph) : null;
  const projText = optStr(p, 'ProjectionExpression');
  const proj = projText ? parseProjection(projText, ph) : null;
  checkUnused(ph);
  if (idx && optBool(p, 'ConsistentRead') === true && idx.kind === 'global')
    validation('Consistent reads are not supported on global secondary indexes');
  if (select === 'SPECIFIC_ATTRIBUTES' && !proj)
    validation('Select type SPECIFIC_ATTRIBUTES requires ProjectionExpression or AttributesToGet');
  if (!idx && select === 'ALL_PROJECTED_ATTRIBUTES')
    validation('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  // A global index answers only with what it holds; a local one fetches the rest from the table.
  const wantsAll = select === 'ALL_ATTRIBUTES' || (proj !== null && idx?.kind === 'local');
  if (idx && idx.kind === 'global' && select === 'ALL_ATTRIBUTES' && idx.projection !== 'ALL')
    validation(
      `One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ${idx.name} because its projection type is not ALL`,
    );
  const sorted = [...rows].sort((a, b) => {
    // A Scan walks partitions (here: partition key order); a Query reads one partition in sort-key order.
    const byPk = keyed ? 0 : (compare(a.entry[pk] as JsonObject, b.entry[pk] as JsonObject) ?? 0);
    if (byPk !== 0) return byPk;
    const bySk = sk ? (compare(a.entry[sk] as JsonObject, b.entry[sk] as JsonObject) ?? 0) : 0;
    if (bySk !== 0 || !idx) return bySk;
    // Index entries with equal index keys come back in table-key order (DynamoDB leaves it unspecified).
    const tpk = compare(a.item[t.pk] as JsonObject, b.item[t.pk] as JsonObject) ?? 0;
    return tpk !== 0 || !t.sk ? tpk : (compare(a.item[t.sk] as JsonObject, b.item[t.sk] as JsonObject) ?? 0);
  });
  if (keyed && optBool(p, 'ScanIndexForward') === false) sorted.reverse();
  const start = optObj(p, 'ExclusiveStartKey');
  let from = 0;
  if (start) {
    const startKey = t.keyOf(start as Item);
    from = sorted.findIndex((r) => t.keyOf(r.item) === startKey) + 1;
  }
  const limit = optNum(p, 'Limit');
  const page = sorted.slice(from, limit === undefined ? undefined : from + limit);
  const matched = filter ? page.filter((r) => evalCond(r.entry, filter)) : page;
  const out: JsonObject = { Count: matched.length, ScannedCount: page.length };
  if (select !== 'COUNT') {
    out.Items = matched.map((r) => {
      const base = wantsAll ? r.item : r.entry;
      return proj ? project(base, proj) : base;
    });
  }
  if (limit !== undefined && from + limit < sorted.length && page.length > 0) {
    const last = page[page.length - 1]!.item;
    const names = idx ? indexKeyNames(t, idx) : [t.pk, ...(t.sk ? [t.sk] : [])];
    const key: Item = {};
    for (const n of names) if (last[n] !== undefined) key[n] = last[n]!;
    out.LastEvaluatedKey = key;
  }
  return out;
}
