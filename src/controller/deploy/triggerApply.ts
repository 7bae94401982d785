/**
 * Adding and removing one trigger, as the Lambda console's "Add trigger" does: create the source when it
 * does not exist, then either an event source mapping (SQS, DynamoDB Streams: Lambda polls) or the
 * source's own subscription plus a statement in the function's resource-based policy (push sources).
 */
import type { JsonObject } from '../../sim/services/json';
import type { TriggerSpec } from '../../store/workspaceDoc';
import { triggerField } from './deployFields';
import type { DeployedTrigger } from './deployState';
import { StepRefused, type Tx, undoCall } from './deployTx';
import {
  addApiTrigger,
  addEventBridgeTrigger,
  addS3Trigger,
  addSnsTrigger,
  removeS3Trigger,
} from './triggerPush';
import { info, type TriggerTarget } from './triggerShared';

function addMapping(tx: Tx, t: TriggerSpec, params: JsonObject): string {
  const esm = tx.call(triggerField(t.id), 'lambda', 'CreateEventSourceMapping', params, (r) =>
    undoCall(tx.lab, 'lambda', 'DeleteEventSourceMapping', { UUID: String(r.UUID) }),
  );
  return String(esm.UUID);
}

function addSqsTrigger(tx: Tx, target: TriggerTarget, t: Extract<TriggerSpec, { kind: 'sqs' }>) {
  const field = triggerField(t.id);
  const hub = tx.lab.services.hub;
  const arn = `arn:aws:sqs:${hub.region}:${hub.accountId}:${t.queue}`;
  const created: string[] = [];
  if (!tx.lab.services.sqs.queueByArn(arn)) {
    const r = tx.call(field, 'sqs', 'CreateQueue', { QueueName: t.queue }, (q) =>
      undoCall(tx.lab, 'sqs', 'DeleteQueue', { QueueUrl: String(q.QueueUrl) }),
    );
    created.push(`queue ${t.queue} (${String(r.QueueUrl)})`);
  }
  const esmUuid = addMapping(tx, t, {
    FunctionName: target.functionName,
    EventSourceArn: arn,
    BatchSize: t.batchSize,
    MaximumBatchingWindowInSeconds: t.batchWindowS,
    ...(t.reportBatchItemFailures ? { FunctionResponseTypes: ['ReportBatchItemFailures'] } : {}),
  });
  return { info: info(t, { sourceArn: arn, esmUuid, created }), handles: {} };
}

function addDynamoTrigger(tx: Tx, target: TriggerTarget, t: Extract<TriggerSpec, { kind: 'dynamodb' }>) {
  const field = triggerField(t.id);
  const created: string[] = [];
  let table = tx.peek('dynamodb', 'DescribeTable', { TableName: t.table })?.Table as JsonObject | undefined;
  if (!table) {
    const r = tx.call(
      field,
      'dynamodb',
      'CreateTable',
      {
        TableName: t.table,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
      () => undoCall(tx.lab, 'dynamodb', 'DeleteTable', { TableName: t.table }),
    );
    table = r.TableDescription as JsonObject;
    created.push(`table ${t.table} (partition key id, stream NEW_AND_OLD_IMAGES)`);
  }
  const streamArn = typeof table.LatestStreamArn === 'string' ? table.LatestStreamArn : null;
  if (!streamArn)
    throw new Error(
      `Table ${t.table} has no stream, and the lab cannot turn one on for an existing table. Name a new table and Deploy creates it with a stream.`,
    );
  const esmUuid = addMapping(tx, t, {
    FunctionName: target.functionName,
    EventSourceArn: streamArn,
    StartingPosition: t.startingPosition,
    BatchSize: t.batchSize,
  });
  return { info: info(t, { sourceArn: streamArn, esmUuid, created }), handles: {} };
}

/** Adds a trigger and records it; the record is dropped again if the deploy is rolled back. */
export function addTrigger(tx: Tx, target: TriggerTarget, t: TriggerSpec, spec: string): DeployedTrigger {
  const added = withField(t.id, () => {
    switch (t.kind) {
      case 'sqs':
        return addSqsTrigger(tx, target, t);
      case 'dynamodb':
        return addDynamoTrigger(tx, target, t);
      case 's3':
        return addS3Trigger(tx, target, t);
      case 'sns':
        return addSnsTrigger(tx, target, t);
      case 'eventbridge':
        return addEventBridgeTrigger(tx, target, t);
      case 'apigateway':
        return addApiTrigger(tx, target, t);
      default: {
        const never: never = t;
        throw new Error(`unknown trigger ${JSON.stringify(never)}`);
      }
    }
  });
  const deployed: DeployedTrigger = { spec, ...added };
  const map = target.state.triggers.get(target.functionName);
  map?.set(t.id, deployed);
  tx.onUndo(() => map?.delete(t.id));
  tx.note('triggers', `added ${t.kind} trigger`);
  return deployed;
}

/** Removes a deployed trigger (each step undoable); push sources keep their resource, as in the console. */
export function removeTrigger(tx: Tx, target: TriggerTarget, deployed: DeployedTrigger): void {
  const { info: i, handles } = deployed;
  const field = triggerField(i.triggerId);
  const fn = target.functionName;
  if (i.esmUuid !== null) {
    const old = tx.call(field, 'lambda', 'GetEventSourceMapping', { UUID: i.esmUuid });
    tx.call(field, 'lambda', 'DeleteEventSourceMapping', { UUID: i.esmUuid });
    tx.onUndo(() => recreateMapping(tx, old));
  }
  if (i.kind === 's3') removeS3Trigger(tx, target, i);
  if (handles.subscriptionArn) {
    const sub = handles.subscriptionArn;
    tx.call(field, 'sns', 'Unsubscribe', { SubscriptionArn: sub });
    tx.onUndo(() =>
      undoCall(tx.lab, 'sns', 'Subscribe', {
        TopicArn: i.sourceArn,
        Protocol: 'lambda',
        Endpoint: target.functionArn,
      }),
    );
  }
  if (handles.ruleCreated === 'true') {
    const rule = i.sourceArn.slice(i.sourceArn.lastIndexOf('/') + 1);
    tx.call(field, 'events', 'DisableRule', { Name: rule }, () =>
      undoCall(tx.lab, 'events', 'EnableRule', { Name: rule }),
    );
  }
  if (i.statementId !== null) {
    const policy = tx.peek('lambda', 'GetPolicy', { FunctionName: fn });
    const statement = policy ? findStatement(String(policy.Policy), i.statementId) : null;
    if (statement) {
      tx.call(field, 'lambda', 'RemovePermission', { FunctionName: fn, StatementId: i.statementId });
      tx.onUndo(() => undoCall(tx.lab, 'lambda', 'AddPermission', permissionParams(fn, statement)));
    }
  }
  const map = target.state.triggers.get(fn);
  map?.delete(i.triggerId);
  tx.onUndo(() => map?.set(i.triggerId, deployed));
  tx.note('triggers', `removed ${i.kind} trigger`);
}

function recreateMapping(tx: Tx, old: JsonObject): void {
  const keep = [
    'EventSourceArn',
    'BatchSize',
    'MaximumBatchingWindowInSeconds',
    'StartingPosition',
    'FunctionResponseTypes',
  ];
  const params: JsonObject = { FunctionName: String(old.FunctionArn) };
  for (const k of keep) if (old[k] !== undefined) params[k] = old[k] as JsonObject[string];
  undoCall(tx.lab, 'lambda', 'CreateEventSourceMapping', params);
}

function findStatement(policyJson: string, sid: string): JsonObject | null {
  const doc = JSON.parse(policyJson) as { Statement: JsonObject[] };
  return doc.Statement.find((s) => s.Sid === sid) ?? null;
}

/** AddPermission parameters that rebuild a statement GetPolicy returned. */
function permissionParams(fn: string, s: JsonObject): JsonObject {
  const principal = s.Principal as Record<string, string>;
  const condition = (s.Condition ?? {}) as Record<string, Record<string, string>>;
  const out: JsonObject = {
    FunctionName: fn,
    StatementId: String(s.Sid),
    Action: String(s.Action),
    Principal: principal.Service ?? principal.AWS ?? '*',
  };
  const sourceArn = condition.ArnLike?.['AWS:SourceArn'];
  const sourceAccount = condition.StringEquals?.['AWS:SourceAccount'];
  if (sourceArn) out.SourceArn = sourceArn;
  if (sourceAccount) out.SourceAccount = sourceAccount;
  return out;
}

/** Errors thrown while building a trigger belong to that trigger's field. */
function withField<T>(triggerId: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof StepRefused) throw error;
    throw new StepRefused(triggerField(triggerId), error instanceof Error ? error.message : String(error));
  }
}
