/**
 * Read models of the learner's resources (buckets, queues, tables, topics, APIs), as the AWS consoles list
 * them. Each reads through the services' own read operations, called directly rather than through
 * `consoleCall`, so a read leaves no `aws.call` in the trace (a view re-reads on every trace change).
 */
import type { World } from '../../sim';
import type { ApiSummary } from '../../sim/services/apiGateway';
import { isObject, type Json, type JsonObject } from '../../sim/services/json';
import { isPending } from '../../sim/services/operation';
import { ServiceError } from '../../sim/services/serviceError';
import type { AwsServices } from '../../sim/services/services';

/** What the read models need: a LabWorld (or any world with its services) satisfies it. */
export interface WorldSource {
  readonly world: World;
  readonly services: AwsServices;
}

/** Service read operations the views may call: none of them changes state or emits a trace event. */
type ReadOperation =
  | 's3.ListBuckets'
  | 's3.ListObjectsV2'
  | 's3.GetBucketNotificationConfiguration'
  | 'sqs.ListQueues'
  | 'sqs.GetQueueAttributes'
  | 'dynamodb.ListTables'
  | 'dynamodb.DescribeTable'
  | 'dynamodb.Scan'
  | 'sns.ListTopics'
  | 'sns.ListSubscriptionsByTopic'
  | 'lambda.ListEventSourceMappings';

export function readService(src: WorldSource, what: ReadOperation, params: JsonObject = {}): JsonObject {
  const [service = '', operation = ''] = what.split('.');
  const op = src.services.modules.get(service)?.operations[operation];
  if (!op) return {};
  try {
    const r = op.run(params, { nowMs: src.world.now(), caller: null, depth: 0 });
    return isPending(r) ? {} : r;
  } catch (e) {
    // A resource deleted between the list and the read is simply gone from the view.
    if (e instanceof ServiceError) return {};
    throw e;
  }
}

const list = (v: Json | undefined): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);
const text = (v: Json | undefined): string => (typeof v === 'string' ? v : '');
const shortName = (arnOrUrl: string): string =>
  arnOrUrl.slice(Math.max(arnOrUrl.lastIndexOf(':'), arnOrUrl.lastIndexOf('/')) + 1);
const tsOf = (v: Json | undefined): number => (isObject(v) && typeof v.$ts === 'number' ? v.$ts : 0);

/** Functions that exist now, from the trace's create and delete events (the world has no list call). */
export function functionNames(src: WorldSource): string[] {
  const names = new Set<string>();
  for (const e of src.world.trace.events) if (e.name === 'lambda.function.created') names.add(e.functionName);
  return [...names].filter((n) => src.world.getFunction(n).ok).sort();
}

export interface S3ObjectView {
  readonly key: string;
  readonly size: number;
  readonly eTag: string;
  readonly lastModified: number;
  readonly contentType: string;
}

export interface NotificationView {
  readonly id: string;
  readonly kind: 'lambda' | 'queue' | 'topic';
  readonly targetArn: string;
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
}

export interface BucketView {
  readonly name: string;
  readonly createdAt: number;
  readonly objects: readonly S3ObjectView[];
  /** True when the bucket holds more objects than the view lists (S3's 1,000-key page). */
  readonly truncated: boolean;
  readonly notifications: readonly NotificationView[];
}

function filterRule(item: JsonObject, name: string): string {
  const rules = isObject(item.Filter) && isObject(item.Filter.Key) ? list(item.Filter.Key.FilterRules) : [];
  return text(rules.find((r) => text(r.Name).toLowerCase() === name)?.Value);
}

export function listBuckets(src: WorldSource): BucketView[] {
  return list(readService(src, 's3.ListBuckets').Buckets).map((b) => {
    const name = text(b.Name);
    const page = readService(src, 's3.ListObjectsV2', { Bucket: name });
    const config = readService(src, 's3.GetBucketNotificationConfiguration', { Bucket: name });
    const kinds = [
      ['LambdaFunctionConfigurations', 'LambdaFunctionArn', 'lambda'],
      ['QueueConfigurations', 'QueueArn', 'queue'],
      ['TopicConfigurations', 'TopicArn', 'topic'],
    ] as const;
    return {
      name,
      createdAt: tsOf(b.CreationDate),
      truncated: page.IsTruncated === true,
      objects: list(page.Contents).map((o) => ({
        key: text(o.Key),
        size: typeof o.Size === 'number' ? o.Size : 0,
        eTag: text(o.ETag),
        lastModified: tsOf(o.LastModified),
        contentType: src.services.s3.getObject(name, text(o.Key))?.contentType ?? '',
      })),
      notifications: kinds.flatMap(([key, arnKey, kind]) =>
        list(config[key]).map((item) => ({
          id: text(item.Id),
          kind,
          targetArn: text(item[arnKey]),
          events: (Array.isArray(item.Events) ? item.Events : []).map(String),
          prefix: filterRule(item, 'prefix'),
          suffix: filterRule(item, 'suffix'),
        })),
      ),
    };
  });
}

export interface TriggerView {
  readonly uuid: string;
  readonly functionName: string;
  readonly batchSize: number;
}

export interface QueueView {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly fifo: boolean;
  /** ApproximateNumberOfMessages, ...NotVisible and ...Delayed, as GetQueueAttributes reports them. */
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
  readonly visibilityTimeoutS: number;
  readonly redrive: { readonly deadLetterQueue: string; readonly maxReceiveCount: number } | null;
  /** Messages this queue moved to its dead-letter queue after maxReceiveCount receives. */
  readonly redriven: number;
  /** Messages deleted (processed) and expired (past retention) from this queue. */
  readonly deleted: number;
  readonly expired: number;
  /** Queues whose redrive policy points here: this queue is their DLQ. */
  readonly deadLetterFor: readonly string[];
  readonly triggers: readonly TriggerView[];
}

function triggersOf(src: WorldSource, arn: string): TriggerView[] {
  return list(
    readService(src, 'lambda.ListEventSourceMappings', { EventSourceArn: arn }).EventSourceMappings,
  ).map((m) => ({
    uuid: text(m.UUID),
    functionName: shortName(text(m.FunctionArn)),
    batchSize: typeof m.BatchSize === 'number' ? m.BatchSize : 0,
  }));
}

export function listQueues(src: WorldSource): QueueView[] {
  const urls = (readService(src, 'sqs.ListQueues').QueueUrls ?? []) as Json[];
  const views = urls.map(String).map((url) => {
    const a = readService(src, 'sqs.GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] });
    const attrs = isObject(a.Attributes) ? a.Attributes : {};
    const arn = text(attrs.QueueArn);
    let redrive: QueueView['redrive'] = null;
    if (typeof attrs.RedrivePolicy === 'string') {
      const r = JSON.parse(attrs.RedrivePolicy) as { deadLetterTargetArn: string; maxReceiveCount: number };
      redrive = { deadLetterQueue: shortName(r.deadLetterTargetArn), maxReceiveCount: r.maxReceiveCount };
    }
    const ended = { redriven: 0, deleted: 0, expired: 0 };
    for (const m of src.services.sqs.queueByArn(arn)?.messages.values() ?? []) {
      if (m.state === 'redriven' || m.state === 'deleted' || m.state === 'expired') ended[m.state]++;
    }
    return {
      name: shortName(url),
      url,
      arn,
      fifo: attrs.FifoQueue === 'true',
      visible: Number(attrs.ApproximateNumberOfMessages ?? 0),
      inFlight: Number(attrs.ApproximateNumberOfMessagesNotVisible ?? 0),
      delayed: Number(attrs.ApproximateNumberOfMessagesDelayed ?? 0),
      visibilityTimeoutS: Number(attrs.VisibilityTimeout ?? 30),
      redrive,
      ...ended,
      deadLetterFor: [] as string[],
      triggers: triggersOf(src, arn),
    };
  });
  for (const q of views) {
    if (q.redrive) views.find((d) => d.name === q.redrive?.deadLetterQueue)?.deadLetterFor.push(q.name);
  }
  return views.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export interface TableView {
  readonly name: string;
  readonly partitionKey: { readonly name: string; readonly type: string };
  readonly sortKey: { readonly name: string; readonly type: string } | null;
  readonly streamViewType: string | null;
  readonly itemCount: number;
  /** Items in DynamoDB JSON (`{"id": {"S": "1"}}`), in Scan order. */
  readonly items: readonly JsonObject[];
  readonly truncated: boolean;
  /** Top-level attribute names for the grid's columns: the key first, then the rest in first-seen order. */
  readonly columns: readonly string[];
  readonly triggers: readonly TriggerView[];
  /** Secondary indexes: their keys (with types) and projection, as DescribeTable gives them. */
  readonly indexes: readonly IndexView[];
}

export interface IndexView {
  readonly name: string;
  readonly kind: 'global' | 'local';
  readonly partitionKey: { readonly name: string; readonly type: string };
  readonly sortKey: { readonly name: string; readonly type: string } | null;
  readonly projection: string;
  readonly itemCount: number;
}

/** The grid shows the first items of a Scan; beyond this the console pages, and so does the lab. */
export const TABLE_PAGE = 200;

export function listTables(src: WorldSource): TableView[] {
  const names = ((readService(src, 'dynamodb.ListTables').TableNames ?? []) as Json[]).map(String);
  return names.map((name) => {
    const d = readService(src, 'dynamodb.DescribeTable', { TableName: name });
    const t = isObject(d.Table) ? d.Table : {};
    const types = new Map(
      list(t.AttributeDefinitions).map((a) => [text(a.AttributeName), text(a.AttributeType)]),
    );
    const keyOf = (kind: string) => {
      const k = list(t.KeySchema).find((s) => s.KeyType === kind);
      return k ? { name: text(k.AttributeName), type: types.get(text(k.AttributeName)) ?? '' } : null;
    };
    const partitionKey = keyOf('HASH') ?? { name: '', type: '' };
    const sortKey = keyOf('RANGE');
    const scan = readService(src, 'dynamodb.Scan', { TableName: name, Limit: TABLE_PAGE });
    const items = list(scan.Items);
    const columns = new Set([partitionKey.name, ...(sortKey ? [sortKey.name] : [])]);
    for (const item of items) for (const k of Object.keys(item)) columns.add(k);
    const spec = isObject(t.StreamSpecification) ? t.StreamSpecification : null;
    return {
      name,
      partitionKey,
      sortKey,
      streamViewType: spec ? text(spec.StreamViewType) : null,
      itemCount: typeof t.ItemCount === 'number' ? t.ItemCount : items.length,
      items,
      truncated: scan.LastEvaluatedKey !== undefined,
      columns: [...columns],
      triggers: t.LatestStreamArn ? triggersOf(src, text(t.LatestStreamArn)) : [],
      indexes: [
        ...list(t.GlobalSecondaryIndexes).map((i) => indexView(i, 'global', types)),
        ...list(t.LocalSecondaryIndexes).map((i) => indexView(i, 'local', types)),
      ],
    };
  });
}

function indexView(i: JsonObject, kind: 'global' | 'local', types: ReadonlyMap<string, string>): IndexView {
  const key = (k: string) => {
    const s = list(i.KeySchema).find((x) => x.KeyType === k);
    return s ? { name: text(s.AttributeName), type: types.get(text(s.AttributeName)) ?? '' } : null;
  };
  const projection = isObject(i.Projection) ? i.Projection : {};
  return {
    name: text(i.IndexName),
    kind,
    partitionKey: key('HASH') ?? { name: '', type: '' },
    sortKey: key('RANGE'),
    projection: text(projection.ProjectionType),
    itemCount: typeof i.ItemCount === 'number' ? i.ItemCount : 0,
  };
}

export interface TopicView {
  readonly name: string;
  readonly arn: string;
  readonly subscriptions: readonly {
    readonly arn: string;
    readonly protocol: string;
    readonly endpoint: string;
  }[];
}

export function listTopics(src: WorldSource): TopicView[] {
  return list(readService(src, 'sns.ListTopics').Topics)
    .map((t) => {
      const arn = text(t.TopicArn);
      const subs = list(readService(src, 'sns.ListSubscriptionsByTopic', { TopicArn: arn }).Subscriptions);
      return {
        name: shortName(arn),
        arn,
        subscriptions: subs.map((s) => ({
          arn: text(s.SubscriptionArn),
          protocol: text(s.Protocol),
          endpoint: text(s.Endpoint),
        })),
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export interface ApiView extends ApiSummary {
  /** Invoke URL per stage: `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`. */
  readonly invokeUrls: Readonly<Record<string, string>>;
}

export function listApis(src: WorldSource): ApiView[] {
  const gw = src.services.apigateway;
  return gw.list().map((a) => ({
    ...a,
    invokeUrls: Object.fromEntries(
      // An HTTP API's $default stage is served from the API's base URL, without a stage segment.
      a.stages.map((s) => [
        s,
        s === '$default' ? gw.invokeUrl(a.id, s).replace(/\/\$default$/, '') : gw.invokeUrl(a.id, s),
      ]),
    ),
  }));
}
