/** SQS event records (facts §4.4): all attribute values are strings; the body is never parsed. */

import { SAM_ACCOUNT, SAM_REGION } from './defaults';
import type { JsonObject } from './deps';
import { md5Hex } from './deps';

export interface SqsRecordArgs {
  readonly messageId?: string;
  readonly receiptHandle?: string;
  readonly body?: string;
  readonly receiveCount?: number;
  readonly sentTimestamp?: number;
  readonly firstReceiveTimestamp?: number;
  readonly senderId?: string;
  readonly messageAttributes?: JsonObject;
  readonly md5OfMessageAttributes?: string;
  readonly queueArn?: string;
  readonly region?: string;
  /** FIFO queues add these attributes. */
  readonly fifo?: {
    readonly sequenceNumber: string;
    readonly messageGroupId: string;
    readonly deduplicationId: string;
  };
}

export function sqsRecord(a: SqsRecordArgs = {}): JsonObject {
  const body = a.body ?? 'Hello from SQS!';
  const region = a.region ?? SAM_REGION;
  const attributes: JsonObject = {
    ApproximateReceiveCount: String(a.receiveCount ?? 1),
    SentTimestamp: String(a.sentTimestamp ?? 1523232000000),
    SenderId: a.senderId ?? SAM_ACCOUNT,
    ApproximateFirstReceiveTimestamp: String(a.firstReceiveTimestamp ?? 1523232000001),
  };
  if (a.fifo) {
    attributes.SequenceNumber = a.fifo.sequenceNumber;
    attributes.MessageGroupId = a.fifo.messageGroupId;
    attributes.MessageDeduplicationId = a.fifo.deduplicationId;
  }
  const record: JsonObject = {
    messageId: a.messageId ?? '19dd0b57-b21e-4ac1-bd88-01bbb068cb78',
    receiptHandle: a.receiptHandle ?? 'MessageReceiptHandle',
    body,
    attributes,
    messageAttributes: a.messageAttributes ?? {},
    md5OfBody: md5Hex(body),
  };
  if (a.md5OfMessageAttributes) record.md5OfMessageAttributes = a.md5OfMessageAttributes;
  record.eventSource = 'aws:sqs';
  record.eventSourceARN = a.queueArn ?? `arn:aws:sqs:${region}:${SAM_ACCOUNT}:MyQueue`;
  record.awsRegion = region;
  return record;
}

export function sqsEvent(records: readonly SqsRecordArgs[] = [{}]): JsonObject {
  return { Records: records.map(sqsRecord) };
}
