/** DynamoDB Streams (facts §4.6) and Kinesis (facts §4.8) records. */

import { SAM_ACCOUNT, SAM_REGION } from './defaults';
import type { JsonObject } from './deps';
import { base64Encode, utf8Encode } from './deps';

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
export type DdbEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

export interface DdbRecordArgs {
  readonly eventID?: string;
  readonly eventName?: DdbEventName;
  readonly eventVersion?: string;
  readonly region?: string;
  readonly streamArn?: string;
  readonly keys?: JsonObject;
  readonly newImage?: JsonObject | null;
  readonly oldImage?: JsonObject | null;
  readonly approximateCreationDateTime?: number;
  readonly sequenceNumber?: string;
  readonly sizeBytes?: number;
  readonly viewType?: StreamViewType;
}

export function ddbRecord(a: DdbRecordArgs = {}): JsonObject {
  const region = a.region ?? SAM_REGION;
  const viewType = a.viewType ?? 'NEW_AND_OLD_IMAGES';
  const eventName = a.eventName ?? 'INSERT';
  const dynamodb: JsonObject = {};
  if (a.approximateCreationDateTime !== undefined) {
    dynamodb.ApproximateCreationDateTime = a.approximateCreationDateTime;
  }
  dynamodb.Keys = a.keys ?? { Id: { N: '101' } };
  const wantsNew = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  const wantsOld = viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  if (wantsNew && eventName !== 'REMOVE') {
    dynamodb.NewImage = a.newImage ?? { Message: { S: 'New item!' }, Id: { N: '101' } };
  }
  if (wantsOld && eventName !== 'INSERT')
    dynamodb.OldImage = a.oldImage ?? { Message: { S: 'New item!' }, Id: { N: '101' } };
  dynamodb.SequenceNumber = a.sequenceNumber ?? '111';
  dynamodb.SizeBytes = a.sizeBytes ?? 26;
  dynamodb.StreamViewType = viewType;
  return {
    eventID: a.eventID ?? '1',
    eventName,
    eventVersion: a.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb,
    eventSourceARN:
      a.streamArn ??
      `arn:aws:dynamodb:${region}:${SAM_ACCOUNT}:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899`,
  };
}

/** SAM's DynamoDBUpdate: an INSERT, a MODIFY and a REMOVE of item 101. */
export function ddbStreamEvent(records?: readonly DdbRecordArgs[]): JsonObject {
  const list = records ?? [
    { eventID: '1', eventName: 'INSERT', sequenceNumber: '111', sizeBytes: 26 },
    {
      eventID: '2',
      eventName: 'MODIFY',
      sequenceNumber: '222',
      sizeBytes: 59,
      newImage: { Message: { S: 'This item has changed' }, Id: { N: '101' } },
      oldImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
    },
    {
      eventID: '3',
      eventName: 'REMOVE',
      sequenceNumber: '333',
      sizeBytes: 38,
      oldImage: { Message: { S: 'This item has changed' }, Id: { N: '101' } },
    },
  ];
  return { Records: list.map(ddbRecord) };
}

export interface KinesisRecordArgs {
  readonly partitionKey?: string;
  readonly sequenceNumber?: string;
  /** Raw payload; it is base64-encoded into `data`. */
  readonly data?: string;
  readonly dataBase64?: string;
  readonly approximateArrivalTimestamp?: number;
  readonly shardId?: string;
  readonly streamArn?: string;
  readonly roleArn?: string;
  readonly region?: string;
}

export function kinesisRecord(a: KinesisRecordArgs = {}): JsonObject {
  const region = a.region ?? SAM_REGION;
  const seq = a.sequenceNumber ?? '49590338271490256608559692538361571095921575989136588898';
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: a.partitionKey ?? '1',
      sequenceNumber: seq,
      data: a.dataBase64 ?? base64Encode(utf8Encode(a.data ?? 'Hello, this is a test 123.')),
      approximateArrivalTimestamp: a.approximateArrivalTimestamp ?? 1545084650.987,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${a.shardId ?? 'shardId-000000000006'}:${seq}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: a.roleArn ?? `arn:aws:iam::${SAM_ACCOUNT}:role/lambda-role`,
    awsRegion: region,
    eventSourceARN: a.streamArn ?? `arn:aws:kinesis:${region}:${SAM_ACCOUNT}:stream/lambda-stream`,
  };
}

export function kinesisEvent(records: readonly KinesisRecordArgs[] = [{}]): JsonObject {
  return { Records: records.map(kinesisRecord) };
}
