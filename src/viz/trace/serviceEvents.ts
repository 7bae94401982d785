/**
 * Service trace events as the visualizers read them (names from src/sim/services/traceNames.ts). Fields
 * are read tolerantly and unknown names are ignored, so a renamed field degrades a view, never breaks it.
 * Mappings (`esm.created`) are remembered, because batch events name the mapping, not the queue.
 */
import { ids, num, str, type TraceLike } from './looseEvents';

export type ServiceAction =
  | 'esmCreated'
  | 'sent'
  | 'received'
  | 'batchReceived'
  | 'batchResult'
  | 'visible'
  | 'deleted'
  | 'deadLettered'
  | 'expired'
  | 'pollersScaled'
  | 'published'
  | 'delivered'
  | 'objectCreated'
  | 'notificationSent'
  | 'itemWritten'
  | 'streamRecord'
  | 'streamBatchReceived'
  | 'apiRequest'
  | 'apiResponse';

export const SERVICE_EVENT_NAMES: Readonly<Record<string, ServiceAction>> = {
  'esm.created': 'esmCreated',
  'sqs.message.sent': 'sent',
  'sqs.message.received': 'received',
  'esm.sqs.batch.received': 'batchReceived',
  'esm.sqs.batch.result': 'batchResult',
  'sqs.message.visible': 'visible',
  'sqs.message.deleted': 'deleted',
  'sqs.message.redriven': 'deadLettered',
  'sqs.message.expired': 'expired',
  'esm.scaling.changed': 'pollersScaled',
  'sns.message.published': 'published',
  'sns.delivery': 'delivered',
  's3.object.created': 'objectCreated',
  's3.notification.sent': 'notificationSent',
  'dynamodb.item.changed': 'itemWritten',
  'dynamodb.stream.record': 'streamRecord',
  'kinesis.record.put': 'streamRecord',
  'esm.stream.batch.received': 'streamBatchReceived',
  'apigw.request': 'apiRequest',
  'apigw.response': 'apiResponse',
};

export type ServiceKind = 'sqs' | 'sns' | 's3' | 'dynamodb' | 'kinesis' | 'apigateway';

export interface ServiceEvent {
  readonly action: ServiceAction;
  readonly event: TraceLike;
  readonly service: ServiceKind;
  /** Queue name, topic ARN, bucket, table name, stream name or API id. */
  readonly resource: string;
  readonly messageIds: readonly string[];
  /** The Lambda request id, when the event made or answers an invoke (event source mappings). */
  readonly requestId: string | null;
  /** The function the event targets (a mapping's or a notification's), when known. */
  readonly functionName: string | null;
  /** A DLQ name, a delivery endpoint or a notification destination. */
  readonly target: string | null;
  readonly failedIds: readonly string[];
  readonly outcome: string | null;
  readonly count: number | null;
  readonly ok: boolean;
}

/** Last segment of an ARN or URL, for labels. */
export function shortName(resource: string): string {
  const i = Math.max(resource.lastIndexOf(':'), resource.lastIndexOf('/'));
  return i >= 0 ? resource.slice(i + 1) : resource;
}

/** `arn:aws:lambda:...:function:name[:qualifier]` -> name (null for other ARNs). */
export function functionNameOfArn(arn: string): string | null {
  const m = /:function:([A-Za-z0-9_-]+)/.exec(arn);
  return m?.[1] ?? null;
}

/** The queue, table or stream behind an event source ARN. */
function sourceOf(arn: string): { service: ServiceKind; resource: string } {
  const table = /:table\/([^/]+)/.exec(arn);
  if (table?.[1]) return { service: 'dynamodb', resource: table[1] };
  if (arn.includes(':kinesis:')) return { service: 'kinesis', resource: shortName(arn) };
  return { service: 'sqs', resource: shortName(arn) };
}

const SERVICE_OF: Readonly<Record<string, ServiceKind>> = {
  sqs: 'sqs',
  sns: 'sns',
  s3: 's3',
  dynamodb: 'dynamodb',
  kinesis: 'kinesis',
  apigw: 'apigateway',
};

export type ServiceEventReader = (e: TraceLike) => ServiceEvent | null;

/** A reader per pass over the trace: it remembers event source mappings as it goes. */
export function createServiceEventReader(): ServiceEventReader {
  const mappings = new Map<string, { service: ServiceKind; resource: string; functionName: string }>();
  return (e) => {
    const action = SERVICE_EVENT_NAMES[e.name];
    if (action === undefined) return null;
    const uuid = str(e, 'uuid');
    if (action === 'esmCreated' && uuid) {
      const src = sourceOf(str(e, 'eventSourceArn') ?? '');
      mappings.set(uuid, { ...src, functionName: str(e, 'functionName') ?? '' });
    }
    const mapping = uuid ? mappings.get(uuid) : undefined;
    const prefix = e.name.split('.')[0]!;
    const service = mapping?.service ?? SERVICE_OF[prefix] ?? 'sqs';
    const subscription = str(e, 'subscriptionArn');
    const streamArn = str(e, 'streamArn');
    const resource =
      mapping?.resource ??
      str(e, 'queueName', 'topicArn', 'bucket', 'tableName', 'streamName', 'apiId') ??
      (subscription ? subscription.slice(0, subscription.lastIndexOf(':')) : null) ??
      (streamArn ? sourceOf(streamArn).resource : null) ??
      prefix;
    const single = str(e, 'messageId', 'sequenceNumber');
    const many = ids(e, 'messageIds');
    const seqs = ids(e, 'sequenceNumbers');
    const destination = str(e, 'destinationArn', 'endpoint');
    const protocol = str(e, 'protocol');
    const lambdaTarget =
      destination && (protocol === null || protocol === 'lambda') ? functionNameOfArn(destination) : null;
    const ok = (e as unknown as { ok?: unknown }).ok;
    return {
      action,
      event: e,
      service,
      resource,
      messageIds: many.length > 0 ? many : seqs.length > 0 ? seqs : single ? [single] : [],
      // API Gateway's requestId is its own, not Lambda's: only mapping events carry a Lambda request id.
      requestId: service === 'apigateway' ? null : str(e, 'requestId'),
      functionName:
        mapping?.functionName ?? lambdaTarget ?? (action === 'esmCreated' ? str(e, 'functionName') : null),
      target: str(e, 'deadLetterQueue', 'dlqName', 'endpoint', 'destinationArn'),
      failedIds: ids(e, 'failedMessageIds'),
      outcome: str(e, 'outcome', 'reason'),
      count: num(e, 'concurrency', 'pollers', 'statusCode'),
      ok: ok !== false,
    };
  };
}
