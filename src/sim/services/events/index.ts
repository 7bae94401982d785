/** Sample event generators for every source, with SAM's defaults (account 123456789012, region us-east-1). */
export { apiGatewayV1Event, apiGatewayV2Event, type HttpRequestArgs } from './apiGatewayEvent';
export { SAM_ACCOUNT, SAM_REGION } from './defaults';
export { isoSeconds, type ScheduledEventArgs, scheduledEvent } from './eventBridgeEvent';
export { encodeS3Key, type S3RecordArgs, s3DeleteEvent, s3PutEvent, s3Record } from './s3Event';
export { type SnsRecordArgs, snsEvent, snsRecord } from './snsEvent';
export { type SqsRecordArgs, sqsEvent, sqsRecord } from './sqsEvent';
export {
  type DdbRecordArgs,
  ddbRecord,
  ddbStreamEvent,
  type KinesisRecordArgs,
  kinesisEvent,
  kinesisRecord,
  type StreamViewType,
} from './streamEvents';
export { type WebSocketEventArgs, webSocketEvent } from './webSocketEvent';
