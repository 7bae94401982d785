/**
 * What the Resources view does to the learner's world: create buckets, queues, tables and topics, upload
 * objects, send and publish messages, write items and wire triggers, each as the AWS console would call
 * the API. A console action only changes the world; the virtual clock delivers what follows.
 */

import { validateEventJson } from '../../lib/validateJson';
import { base64Encode, isObject, type Json, type JsonObject } from '../../sim/services/json';
import { type ActionResult, allowInvoke, call, done, type LiveWorld, refuse } from './consoleCall';
import {
  attributeNameProblem,
  bucketNameProblem,
  keyAttributeProblem,
  objectKeyProblem,
  queueNameProblem,
  tableNameProblem,
  topicNameProblem,
} from './consoleNames';

/** Objects live in this tab's memory, so the lab takes files up to 10 MiB (S3 takes 5 GB in one PUT). */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
/** SQS's maximum message size, body and attributes together (facts §5.2: 1 MiB since 2025). */
export const SQS_MESSAGE_LIMIT_BYTES = 1_048_576;

export interface MessageAttributeInput {
  readonly name: string;
  readonly type: 'String' | 'Number';
  readonly value: string;
}

const bytes = (s: string): number => new TextEncoder().encode(s).length;
const lambdaArn = (live: LiveWorld, fn: string): string => {
  const r = live.lab.world.getFunction(fn);
  return r.ok ? r.value.functionArn : fn;
};

/** `[{name, type, value}]` as the SQS and SNS APIs take them, or the first problem. */
function messageAttributes(list: readonly MessageAttributeInput[]): ActionResult<JsonObject> {
  if (list.length > 10) return refuse('A message can carry at most 10 attributes.');
  const out: JsonObject = {};
  for (const a of list) {
    const problem = attributeNameProblem(a.name);
    if (problem) return refuse(problem);
    if (out[a.name] !== undefined) return refuse(`Attribute "${a.name}" appears twice.`);
    if (a.value === '') return refuse(`Attribute "${a.name}" needs a value.`);
    if (a.type === 'Number' && !Number.isFinite(Number(a.value)))
      return refuse(`Attribute "${a.name}" is a Number, but "${a.value}" is not a number.`);
    out[a.name] = { DataType: a.type, StringValue: a.value };
  }
  return done(out);
}

export function createBucket(live: LiveWorld, name: string): Promise<ActionResult<JsonObject>> {
  const problem = bucketNameProblem(name);
  return problem ? Promise.resolve(refuse(problem)) : call(live, 's3', 'CreateBucket', { Bucket: name });
}

export interface UploadInput {
  readonly key: string;
  readonly bytes: Uint8Array;
  /** The file's MIME type; S3 stores binary/octet-stream when none is given. */
  readonly contentType: string;
}

export function uploadObject(
  live: LiveWorld,
  bucket: string,
  file: UploadInput,
): Promise<ActionResult<JsonObject>> {
  const problem = objectKeyProblem(file.key);
  if (problem) return Promise.resolve(refuse(problem));
  if (file.bytes.length > UPLOAD_LIMIT_BYTES)
    return Promise.resolve(
      refuse(
        `"${file.key}" is ${file.bytes.length.toLocaleString('en-US')} bytes. The lab keeps objects in this tab's memory and takes files up to 10 MiB (S3 itself accepts up to 5 GB in one PUT).`,
      ),
    );
  const params: JsonObject = { Bucket: bucket, Key: file.key, Body: { $b64: base64Encode(file.bytes) } };
  if (file.contentType !== '') params.ContentType = file.contentType;
  return call(live, 's3', 'PutObject', params);
}

/** Adds a Lambda notification to the bucket (keeping the others) and the permission S3 needs to invoke. */
export async function addBucketTrigger(
  live: LiveWorld,
  bucket: string,
  functionName: string,
  options: { readonly events?: readonly string[]; readonly prefix?: string; readonly suffix?: string } = {},
): Promise<ActionResult<JsonObject>> {
  const allowed = await allowInvoke(live, functionName, 's3.amazonaws.com', `arn:aws:s3:::${bucket}`);
  if (!allowed.ok) return allowed;
  const current = await call(live, 's3', 'GetBucketNotificationConfiguration', { Bucket: bucket });
  if (!current.ok) return current;
  const rules: Json[] = [];
  if (options.prefix) rules.push({ Name: 'prefix', Value: options.prefix });
  if (options.suffix) rules.push({ Name: 'suffix', Value: options.suffix });
  const existing = current.value.LambdaFunctionConfigurations;
  const config: JsonObject = {
    ...current.value,
    LambdaFunctionConfigurations: [
      ...(Array.isArray(existing) ? existing : []),
      {
        Id: `lab-${functionName}-${live.lab.world.trace.events.length}`,
        LambdaFunctionArn: lambdaArn(live, functionName),
        Events: [...(options.events ?? ['s3:ObjectCreated:*'])],
        ...(rules.length > 0 ? { Filter: { Key: { FilterRules: rules } } } : {}),
      },
    ],
  };
  return call(live, 's3', 'PutBucketNotificationConfiguration', {
    Bucket: bucket,
    NotificationConfiguration: config,
  });
}

export interface QueueInput {
  readonly name: string;
  readonly fifo?: boolean;
  readonly visibilityTimeoutS?: number;
  /** Also create `<name>-dlq` and redrive to it after this many receives. */
  readonly deadLetter?: { readonly maxReceiveCount: number } | null;
}

export async function createQueue(live: LiveWorld, q: QueueInput): Promise<ActionResult<JsonObject>> {
  const fifo = q.fifo ?? false;
  const problem = queueNameProblem(q.name, fifo);
  if (problem) return refuse(problem);
  const attributes: JsonObject = fifo ? { FifoQueue: 'true' } : {};
  if (q.visibilityTimeoutS !== undefined) attributes.VisibilityTimeout = String(q.visibilityTimeoutS);
  if (q.deadLetter) {
    const dlqName = fifo ? `${q.name.replace(/\.fifo$/, '')}-dlq.fifo` : `${q.name}-dlq`;
    const dlqProblem = queueNameProblem(dlqName, fifo);
    if (dlqProblem) return refuse(`The dead-letter queue "${dlqName}": ${dlqProblem}`);
    const dlq = await call(live, 'sqs', 'CreateQueue', {
      QueueName: dlqName,
      Attributes: fifo ? { FifoQueue: 'true' } : {},
    });
    if (!dlq.ok) return dlq;
    const { hub } = live.lab.services;
    attributes.RedrivePolicy = JSON.stringify({
      deadLetterTargetArn: `arn:aws:sqs:${hub.region}:${hub.accountId}:${dlqName}`,
      maxReceiveCount: q.deadLetter.maxReceiveCount,
    });
  }
  return call(live, 'sqs', 'CreateQueue', { QueueName: q.name, Attributes: attributes });
}

export interface MessageInput {
  readonly body: string;
  readonly attributes?: readonly MessageAttributeInput[];
  readonly delaySeconds?: number;
  /** FIFO queues: the message group; the lab sends a deduplication id with it. */
  readonly groupId?: string;
  /** FIFO queues: the deduplication id; blank or absent makes a new one for each send. */
  readonly dedupId?: string;
}

export function sendMessage(
  live: LiveWorld,
  queueUrl: string,
  m: MessageInput,
): Promise<ActionResult<JsonObject>> {
  if (m.body === '')
    return Promise.resolve(refuse('Enter a message body: SQS does not accept an empty one.'));
  const attrs = messageAttributes(m.attributes ?? []);
  if (!attrs.ok) return Promise.resolve(attrs);
  const size =
    bytes(m.body) +
    (m.attributes ?? []).reduce((n, a) => n + bytes(a.name) + bytes(a.type) + bytes(a.value), 0);
  if (size > SQS_MESSAGE_LIMIT_BYTES)
    return Promise.resolve(
      refuse(
        `The message is ${size.toLocaleString('en-US')} bytes; SQS takes up to 1 MiB (1,048,576 bytes).`,
      ),
    );
  const params: JsonObject = { QueueUrl: queueUrl, MessageBody: m.body };
  if (Object.keys(attrs.value).length > 0) params.MessageAttributes = attrs.value;
  if (m.delaySeconds !== undefined && m.delaySeconds > 0) params.DelaySeconds = m.delaySeconds;
  if (m.groupId !== undefined) {
    params.MessageGroupId = m.groupId;
    params.MessageDeduplicationId = m.dedupId?.trim() || `console-${live.lab.world.trace.events.length}`;
  }
  return call(live, 'sqs', 'SendMessage', params);
}

/** Lambda polls the queue (or table stream) through an event source mapping. */
export function addEventSourceTrigger(
  live: LiveWorld,
  eventSourceArn: string,
  functionName: string,
  batchSize: number,
  startingPosition?: 'LATEST' | 'TRIM_HORIZON',
): Promise<ActionResult<JsonObject>> {
  const params: JsonObject = {
    EventSourceArn: eventSourceArn,
    FunctionName: functionName,
    BatchSize: batchSize,
  };
  if (startingPosition) params.StartingPosition = startingPosition;
  return call(live, 'lambda', 'CreateEventSourceMapping', params);
}

export interface TableInput {
  readonly name: string;
  readonly partitionKey: { readonly name: string; readonly type: 'S' | 'N' | 'B' };
  readonly sortKey?: { readonly name: string; readonly type: 'S' | 'N' | 'B' } | null;
  readonly stream?: boolean;
}

export function createTable(live: LiveWorld, t: TableInput): Promise<ActionResult<JsonObject>> {
  const problem =
    tableNameProblem(t.name) ??
    keyAttributeProblem(t.partitionKey.name) ??
    (t.sortKey ? keyAttributeProblem(t.sortKey.name) : null) ??
    (t.sortKey?.name === t.partitionKey.name ? 'The sort key must differ from the partition key.' : null);
  if (problem) return Promise.resolve(refuse(problem));
  const keys = [{ ...t.partitionKey, kind: 'HASH' }, ...(t.sortKey ? [{ ...t.sortKey, kind: 'RANGE' }] : [])];
  return call(live, 'dynamodb', 'CreateTable', {
    TableName: t.name,
    KeySchema: keys.map((k) => ({ AttributeName: k.name, KeyType: k.kind })),
    AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    BillingMode: 'PAY_PER_REQUEST',
    ...(t.stream
      ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }
      : {}),
  });
}

/** Saves an item written as DynamoDB JSON (`{"id": {"S": "1"}}`); the service judges its shape. */
export function putItem(live: LiveWorld, table: string, itemJson: string): Promise<ActionResult<JsonObject>> {
  if (itemJson.trim() === '')
    return Promise.resolve(refuse('The item is empty: write its attributes as JSON.'));
  const parsed = validateEventJson(itemJson);
  if (!parsed.ok) return Promise.resolve(refuse(parsed.message));
  const item = parsed.value as Json;
  if (!isObject(item))
    return Promise.resolve(refuse('An item is a JSON object of attributes, such as {"id": {"S": "1"}}.'));
  return call(live, 'dynamodb', 'PutItem', { TableName: table, Item: item });
}

export function deleteItem(
  live: LiveWorld,
  table: string,
  key: JsonObject,
): Promise<ActionResult<JsonObject>> {
  return call(live, 'dynamodb', 'DeleteItem', { TableName: table, Key: key });
}

export function createTopic(live: LiveWorld, name: string): Promise<ActionResult<JsonObject>> {
  const problem = topicNameProblem(name);
  return problem ? Promise.resolve(refuse(problem)) : call(live, 'sns', 'CreateTopic', { Name: name });
}

/** Subscribes a function (with the permission SNS needs to invoke it) or a queue to the topic. */
export async function subscribe(
  live: LiveWorld,
  topicArn: string,
  target:
    | { readonly protocol: 'lambda'; readonly functionName: string }
    | { readonly protocol: 'sqs'; readonly queueArn: string },
): Promise<ActionResult<JsonObject>> {
  if (target.protocol === 'lambda') {
    const allowed = await allowInvoke(live, target.functionName, 'sns.amazonaws.com', topicArn);
    if (!allowed.ok) return allowed;
  }
  const endpoint = target.protocol === 'lambda' ? lambdaArn(live, target.functionName) : target.queueArn;
  return call(live, 'sns', 'Subscribe', {
    TopicArn: topicArn,
    Protocol: target.protocol,
    Endpoint: endpoint,
  });
}

export interface PublishInput {
  readonly message: string;
  readonly subject?: string;
  readonly attributes?: readonly MessageAttributeInput[];
}

export function publish(
  live: LiveWorld,
  topicArn: string,
  p: PublishInput,
): Promise<ActionResult<JsonObject>> {
  if (p.message === '') return Promise.resolve(refuse('Enter a message: SNS does not publish an empty one.'));
  const attrs = messageAttributes(p.attributes ?? []);
  if (!attrs.ok) return Promise.resolve(attrs);
  const params: JsonObject = { TopicArn: topicArn, Message: p.message };
  if (p.subject) params.Subject = p.subject;
  if (Object.keys(attrs.value).length > 0) params.MessageAttributes = attrs.value;
  return call(live, 'sns', 'Publish', params);
}
