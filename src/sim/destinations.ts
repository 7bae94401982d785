/** Async invocation records (facts §5.1) for on-success / on-failure destinations and DLQ messages. */
import { isoTimestamp } from './timeFormat';

export type RecordCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';

export interface InvocationRecordArgs {
  readonly timestampMs: number;
  readonly requestId: string;
  readonly functionArn: string;
  readonly condition: RecordCondition;
  readonly approximateInvokeCount: number;
  readonly requestPayloadJson: string;
  readonly statusCode: number;
  readonly executedVersion: string | null;
  readonly functionError: string | null;
  readonly responsePayloadJson: string | null;
}

/** Key order as in the AWS example; payloads are embedded as the raw JSON they already are. */
export function invocationRecordJson(a: InvocationRecordArgs): string {
  const requestContext = `{"requestId":"${a.requestId}","functionArn":${JSON.stringify(a.functionArn)},"condition":"${a.condition}","approximateInvokeCount":${a.approximateInvokeCount}}`;
  let responseContext = `{"statusCode":${a.statusCode}`;
  if (a.executedVersion !== null)
    responseContext += `,"executedVersion":${JSON.stringify(a.executedVersion)}`;
  if (a.functionError !== null) responseContext += `,"functionError":"${a.functionError}"`;
  responseContext += '}';
  const response = a.responsePayloadJson === null ? '' : `,"responsePayload":${a.responsePayloadJson}`;
  return `{"version":"1.0","timestamp":"${isoTimestamp(a.timestampMs)}","requestContext":${requestContext},"requestPayload":${a.requestPayloadJson},"responseContext":${responseContext}${response}}`;
}
