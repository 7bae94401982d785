/** A workspace trigger (or a mapping the draft could not hold) back as the SAM event it stands for. */
import type { TriggerSpec } from '../store/draftSchema';
import { portableDeep } from './exportNames';
import { arnOf } from './samApp';
import { isObject, type TObject, type TValue } from './templateFile';

export class ExportError extends Error {}

export function eventOf(
  t: TriggerSpec,
  value: (v: string) => TValue,
  api: (t: Extract<TriggerSpec, { kind: 'apigateway' }>) => string | null,
): TObject {
  switch (t.kind) {
    case 's3': {
      const rules = [
        ...(t.prefix ? [{ Name: 'prefix', Value: t.prefix }] : []),
        ...(t.suffix ? [{ Name: 'suffix', Value: t.suffix }] : []),
      ];
      return {
        Type: 'S3',
        Properties: {
          Bucket: value(t.bucket),
          Events: [...t.events],
          ...(rules.length > 0 ? { Filter: { S3Key: { Rules: rules } } } : {}),
        },
      };
    }
    case 'sqs':
      return {
        Type: 'SQS',
        Properties: {
          Queue: value(arnOf.queue(t.queue)),
          BatchSize: t.batchSize,
          ...(t.batchWindowS > 0 ? { MaximumBatchingWindowInSeconds: t.batchWindowS } : {}),
          ...(t.reportBatchItemFailures ? { FunctionResponseTypes: ['ReportBatchItemFailures'] } : {}),
        },
      };
    case 'sns':
      return { Type: 'SNS', Properties: { Topic: value(arnOf.topic(t.topic)) } };
    case 'dynamodb': {
      const table = value(t.table);
      const stream =
        isObject(table) && typeof table.Ref === 'string' ? { 'Fn::GetAtt': [table.Ref, 'StreamArn'] } : table;
      return {
        Type: 'DynamoDB',
        Properties: { Stream: stream, StartingPosition: t.startingPosition, BatchSize: t.batchSize },
      };
    }
    case 'apigateway': {
      const id = api(t);
      const key = t.apiType === 'REST' ? 'RestApiId' : 'ApiId';
      return {
        Type: t.apiType === 'REST' ? 'Api' : 'HttpApi',
        Properties: { ...(id ? { [key]: { Ref: id } } : {}), Path: t.path, Method: t.method.toLowerCase() },
      };
    }
    case 'eventbridge':
      return t.mode === 'schedule'
        ? { Type: 'Schedule', Properties: { Schedule: t.schedule, Name: t.ruleName } }
        : {
            Type: 'EventBridgeRule',
            Properties: { Pattern: parsePattern(t.eventPattern), RuleName: t.ruleName },
          };
    default: {
      const never: never = t;
      return never;
    }
  }
}

function parsePattern(text: string): TValue {
  try {
    return JSON.parse(text) as TValue;
  } catch {
    throw new ExportError(`The event pattern ${text} is not valid JSON; fix the trigger first.`);
  }
}

/** An event source mapping the draft could not hold, back as the SQS, DynamoDB or Kinesis event it was. */
export function mappingEvent(
  params: Readonly<Record<string, unknown>>,
  value: (v: string) => TValue,
): TObject {
  const { FunctionName: _f, EventSourceArn, ...rest } = params;
  const arn = String(EventSourceArn);
  const type = arn.includes(':sqs:') ? 'SQS' : arn.includes(':kinesis:') ? 'Kinesis' : 'DynamoDB';
  const table = /:table\/([^/]+)\/stream\//.exec(arn)?.[1];
  const ref = table === undefined ? null : value(table);
  const stream: TValue =
    isObject(ref) && typeof ref.Ref === 'string' ? { 'Fn::GetAtt': [ref.Ref, 'StreamArn'] } : value(arn);
  const source: TObject = type === 'SQS' ? { Queue: value(arn) } : { Stream: stream };
  return { Type: type, Properties: { ...source, ...(portableDeep(rest as TValue) as TObject) } };
}
