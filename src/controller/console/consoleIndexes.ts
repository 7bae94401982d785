/** Querying a DynamoDB secondary index from the console: one partition of the index, in its sort order. */
import type { JsonObject } from '../../sim/services/json';
import type { IndexView } from '../readModels/worldResources';
import { type ActionResult, call, done, type LiveWorld, refuse } from './consoleCall';

export interface IndexQueryResult {
  readonly items: readonly JsonObject[];
  readonly count: number;
  readonly scannedCount: number;
}

export async function queryIndex(
  live: LiveWorld,
  table: string,
  index: IndexView,
  partitionValue: string,
): Promise<ActionResult<IndexQueryResult>> {
  const { name, type } = index.partitionKey;
  if (partitionValue === '')
    return refuse(`Enter a value of ${name} to read one partition of ${index.name}.`);
  if (type === 'N' && !Number.isFinite(Number(partitionValue)))
    return refuse(`${name} is a number (N) in this index: "${partitionValue}" is not one.`);
  const r = await call(live, 'dynamodb', 'Query', {
    TableName: table,
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': name },
    ExpressionAttributeValues: { ':pk': { [type || 'S']: partitionValue } },
  });
  if (!r.ok) return r;
  const items = Array.isArray(r.value.Items) ? (r.value.Items as JsonObject[]) : [];
  return done({ items, count: Number(r.value.Count ?? 0), scannedCount: Number(r.value.ScannedCount ?? 0) });
}
