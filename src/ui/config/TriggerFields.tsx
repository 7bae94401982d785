/** The settings of one trigger source, as the console's "Add trigger" form asks for them. */
import { HTTP_METHODS, S3_EVENT_TYPES } from '../../store/draftSchema';
import type { TriggerKind, TriggerSpec } from '../../store/workspaceDoc';
import { Checkbox, Field, NumberField, SelectField, TextField } from './fields';

export const TRIGGER_KINDS: readonly { value: TriggerKind; label: string }[] = [
  { value: 'apigateway', label: 'API Gateway' },
  { value: 's3', label: 'S3' },
  { value: 'sqs', label: 'SQS' },
  { value: 'sns', label: 'SNS' },
  { value: 'dynamodb', label: 'DynamoDB Streams' },
  { value: 'eventbridge', label: 'EventBridge (CloudWatch Events)' },
];

export const kindLabel = (k: TriggerKind) => TRIGGER_KINDS.find((t) => t.value === k)?.label ?? k;

/** A new trigger with the console's defaults; `id` is also its policy statement's name (lambda-<id>). */
export function newTrigger(kind: TriggerKind, functionName: string, id: string): TriggerSpec {
  switch (kind) {
    case 's3':
      return { kind, id, bucket: '', events: ['s3:ObjectCreated:*'], prefix: '', suffix: '' };
    case 'sqs':
      return { kind, id, queue: '', batchSize: 10, batchWindowS: 0, reportBatchItemFailures: false };
    case 'sns':
      return { kind, id, topic: '' };
    case 'dynamodb':
      return { kind, id, table: '', startingPosition: 'LATEST', batchSize: 100 };
    case 'apigateway':
      return {
        kind,
        id,
        apiType: 'REST',
        apiName: `${functionName}-API`,
        method: 'ANY',
        path: `/${functionName}`,
        stage: 'default',
      };
    case 'eventbridge':
      return {
        kind,
        id,
        ruleName: `${functionName}-schedule`,
        mode: 'schedule',
        schedule: 'rate(5 minutes)',
        eventPattern: '{\n  "source": ["lab.orders"]\n}\n',
      };
    default: {
      const never: never = kind;
      throw new Error(`unknown trigger kind ${String(never)}`);
    }
  }
}

/** What the trigger listens to, in a few words (the card's title). */
export function triggerSource(t: TriggerSpec): string {
  switch (t.kind) {
    case 's3':
      return t.bucket || '(no bucket)';
    case 'sqs':
      return t.queue || '(no queue)';
    case 'sns':
      return t.topic || '(no topic)';
    case 'dynamodb':
      return t.table || '(no table)';
    case 'apigateway':
      return t.apiType === 'HTTP' ? `${t.apiName} (HTTP API)` : `${t.method} ${t.path} on ${t.apiName}`;
    case 'eventbridge':
      return `${t.ruleName}: ${t.mode === 'schedule' ? t.schedule : 'event pattern'}`;
    default: {
      const never: never = t;
      return String(never);
    }
  }
}

export function TriggerFields({
  spec,
  onChange,
  testId,
}: {
  spec: TriggerSpec;
  onChange: (next: TriggerSpec) => void;
  testId: string;
}) {
  const tid = (f: string) => `${testId}.${f}`;
  switch (spec.kind) {
    case 's3':
      return (
        <div className="cfg-grid">
          <TextField
            label="Bucket"
            value={spec.bucket}
            onChange={(bucket) => onChange({ ...spec, bucket })}
            hint="An existing bucket, or a new one Deploy creates."
            testId={tid('bucket')}
          />
          <SelectField
            label="Event types"
            value={spec.events[0] ?? 's3:ObjectCreated:*'}
            options={S3_EVENT_TYPES}
            onChange={(e) => onChange({ ...spec, events: [e] })}
            testId={tid('events')}
          />
          <TextField
            label="Prefix (optional)"
            value={spec.prefix}
            onChange={(prefix) => onChange({ ...spec, prefix })}
            placeholder="images/"
            testId={tid('prefix')}
          />
          <TextField
            label="Suffix (optional)"
            value={spec.suffix}
            onChange={(suffix) => onChange({ ...spec, suffix })}
            placeholder=".jpg"
            testId={tid('suffix')}
          />
        </div>
      );
    case 'sqs':
      return (
        <div className="cfg-grid">
          <TextField
            label="Queue"
            value={spec.queue}
            onChange={(queue) => onChange({ ...spec, queue })}
            hint="An existing queue, or a new one Deploy creates."
            testId={tid('queue')}
          />
          <NumberField
            label="Batch size"
            value={spec.batchSize}
            onChange={(batchSize) => onChange({ ...spec, batchSize })}
            hint="Messages per invocation (default 10)."
            testId={tid('batch')}
          />
          <NumberField
            label="Batch window"
            unit="seconds"
            value={spec.batchWindowS}
            onChange={(batchWindowS) => onChange({ ...spec, batchWindowS })}
            hint="How long Lambda gathers messages before invoking."
            testId={tid('window')}
          />
          <Checkbox
            checked={spec.reportBatchItemFailures}
            onChange={(reportBatchItemFailures) => onChange({ ...spec, reportBatchItemFailures })}
            label="Report batch item failures"
            hint="Only the messages your handler lists in batchItemFailures are retried."
            testId={tid('rbif')}
          />
        </div>
      );
    case 'sns':
      return (
        <TextField
          label="Topic"
          value={spec.topic}
          onChange={(topic) => onChange({ ...spec, topic })}
          hint="An existing topic, or a new one Deploy creates."
          testId={tid('topic')}
        />
      );
    case 'dynamodb':
      return (
        <div className="cfg-grid">
          <TextField
            label="Table"
            value={spec.table}
            onChange={(table) => onChange({ ...spec, table })}
            hint="A table with a stream, or a new one Deploy creates (key id, stream on)."
            testId={tid('table')}
          />
          <SelectField
            label="Starting position"
            value={spec.startingPosition}
            options={['LATEST', 'TRIM_HORIZON'] as const}
            onChange={(startingPosition) => onChange({ ...spec, startingPosition })}
            testId={tid('start')}
          />
          <NumberField
            label="Batch size"
            value={spec.batchSize}
            onChange={(batchSize) => onChange({ ...spec, batchSize })}
            hint="Records per invocation (default 100)."
            testId={tid('batch')}
          />
        </div>
      );
    case 'apigateway':
      return (
        <div className="cfg-grid">
          <SelectField
            label="API type"
            value={spec.apiType}
            options={
              [
                { value: 'REST', label: 'REST API' },
                { value: 'HTTP', label: 'HTTP API' },
              ] as const
            }
            onChange={(apiType) => onChange({ ...spec, apiType })}
            testId={tid('type')}
          />
          <TextField
            label="API name"
            value={spec.apiName}
            onChange={(apiName) => onChange({ ...spec, apiName })}
            testId={tid('name')}
          />
          {spec.apiType === 'REST' ? (
            <>
              <SelectField
                label="Method"
                value={spec.method}
                options={HTTP_METHODS}
                onChange={(method) => onChange({ ...spec, method })}
                testId={tid('method')}
              />
              <TextField
                label="Resource path"
                value={spec.path}
                onChange={(path) => onChange({ ...spec, path })}
                testId={tid('path')}
              />
              <TextField
                label="Stage"
                value={spec.stage}
                onChange={(stage) => onChange({ ...spec, stage })}
                testId={tid('stage')}
              />
            </>
          ) : (
            <p className="hint">
              An HTTP API sends every method and path to the function (its $default route, payload format
              2.0).
            </p>
          )}
        </div>
      );
    case 'eventbridge':
      return (
        <div className="cfg-grid">
          <TextField
            label="Rule name"
            value={spec.ruleName}
            onChange={(ruleName) => onChange({ ...spec, ruleName })}
            testId={tid('rule')}
          />
          <SelectField
            label="Rule type"
            value={spec.mode}
            options={
              [
                { value: 'schedule', label: 'Schedule expression' },
                { value: 'pattern', label: 'Event pattern' },
              ] as const
            }
            onChange={(mode) => onChange({ ...spec, mode })}
            testId={tid('mode')}
          />
          {spec.mode === 'schedule' ? (
            <TextField
              label="Schedule expression"
              value={spec.schedule}
              onChange={(schedule) => onChange({ ...spec, schedule })}
              hint="rate(5 minutes) or cron(0 12 * * ? *), in UTC."
              testId={tid('schedule')}
            />
          ) : (
            <Field label="Event pattern (JSON)" testId={tid('pattern')}>
              {(id, describedBy) => (
                <textarea
                  id={id}
                  className="cfg-code"
                  rows={4}
                  spellCheck={false}
                  value={spec.eventPattern}
                  aria-describedby={describedBy}
                  onChange={(e) => onChange({ ...spec, eventPattern: e.target.value })}
                  data-testid={tid('pattern')}
                />
              )}
            </Field>
          )}
        </div>
      );
    default: {
      const never: never = spec;
      return <p>{String(never)}</p>;
    }
  }
}
