/**
 * Service trace names the visualizers understand. The SQS/SNS/S3/streams services are still being built,
 * so these names and fields are ASSUMPTIONS, kept in this one table: unknown names are ignored, fields are
 * read from several candidate keys, and an event that triggers an invoke should carry its `requestId`.
 */
import { ids, str, type TraceLike } from './looseEvents';

export type MessageAction =
  | 'sent'
  | 'received'
  | 'visible'
  | 'deleted'
  | 'deadLettered'
  | 'pollersScaled'
  | 'published'
  | 'delivered'
  | 'objectCreated'
  | 'itemWritten'
  | 'streamRecord'
  | 'apiRequest'
  | 'apiResponse';

/** Dotted name -> action. Several spellings are accepted until the services settle on theirs. */
export const SERVICE_EVENT_NAMES: Readonly<Record<string, MessageAction>> = {
  'sqs.message.sent': 'sent',
  'sqs.message.received': 'received',
  'sqs.batch.received': 'received',
  'sqs.message.visible': 'visible',
  'sqs.message.deleted': 'deleted',
  'sqs.batch.deleted': 'deleted',
  'sqs.message.deadLettered': 'deadLettered',
  'sqs.message.redriven': 'deadLettered',
  'sqs.message.dlq': 'deadLettered',
  'sqs.poller.scaled': 'pollersScaled',
  'sqs.pollers.scaled': 'pollersScaled',
  'lambda.esm.scaled': 'pollersScaled',
  'sns.message.published': 'published',
  'sns.message.delivered': 'delivered',
  'sns.delivery': 'delivered',
  's3.object.created': 'objectCreated',
  'dynamodb.item.written': 'itemWritten',
  'dynamodb.item.put': 'itemWritten',
  'dynamodb.stream.record': 'streamRecord',
  'kinesis.record.put': 'streamRecord',
  'apigateway.request': 'apiRequest',
  'apigateway.response': 'apiResponse',
};

export interface ServiceEvent {
  readonly action: MessageAction;
  readonly event: TraceLike;
  /** The queue, topic, bucket, table, stream or API the event is about. */
  readonly resource: string;
  readonly messageIds: readonly string[];
  readonly requestId: string | null;
  readonly functionName: string | null;
  readonly batchId: string | null;
  readonly target: string | null;
}

const RESOURCE_KEYS = [
  'queueName',
  'queueArn',
  'queueUrl',
  'topicArn',
  'topicName',
  'bucket',
  'bucketName',
  'tableName',
  'streamArn',
  'apiId',
  'resource',
] as const;

/** Last segment of an ARN or URL, for labels. */
export function shortName(resource: string): string {
  const i = Math.max(resource.lastIndexOf(':'), resource.lastIndexOf('/'));
  return i >= 0 ? resource.slice(i + 1) : resource;
}

export function readServiceEvent(e: TraceLike): ServiceEvent | null {
  const action = SERVICE_EVENT_NAMES[e.name];
  if (action === undefined) return null;
  const single = str(e, 'messageId', 'recordId', 'key', 'sequenceNumber');
  const many = ids(e, 'messageIds', 'messageId');
  const fromRecords = ids(e, 'messages', 'messageId', 'itemIdentifier');
  const messageIds = many.length > 0 ? many : fromRecords.length > 0 ? fromRecords : single ? [single] : [];
  return {
    action,
    event: e,
    resource: str(e, ...RESOURCE_KEYS) ?? e.name.split('.')[0]!,
    messageIds,
    requestId: str(e, 'requestId', 'lambdaRequestId'),
    functionName: str(e, 'functionName'),
    batchId: str(e, 'batchId'),
    target: str(e, 'dlqArn', 'deadLetterQueue', 'dlqName', 'endpoint', 'subscriptionArn', 'targetArn'),
  };
}
