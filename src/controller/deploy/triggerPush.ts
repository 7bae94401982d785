/**
 * Push triggers: the source calls Lambda itself, so besides the source's own configuration (an S3
 * notification, an SNS subscription, an EventBridge target, an API integration) the function's
 * resource-based policy needs a statement allowing that service principal from that source ARN.
 */
import type { JsonObject } from '../../sim/services/json';
import type { TriggerSpec } from '../../store/workspaceDoc';
import { triggerField } from './deployFields';
import type { TriggerInfo } from './deployState';
import { type Tx, undoCall } from './deployTx';
import { addPermission, info, type TriggerTarget } from './triggerShared';

type Of<K extends TriggerSpec['kind']> = Extract<TriggerSpec, { kind: K }>;
export interface Added {
  readonly info: TriggerInfo;
  readonly handles: Readonly<Record<string, string>>;
}

const notificationsWithout = (cfg: JsonObject, id: string): JsonObject => {
  const list = Array.isArray(cfg.LambdaFunctionConfigurations) ? cfg.LambdaFunctionConfigurations : [];
  return {
    ...cfg,
    LambdaFunctionConfigurations: list.filter(
      (c) => !(c && typeof c === 'object' && 'Id' in c && c.Id === id),
    ),
  };
};

export function addS3Trigger(tx: Tx, target: TriggerTarget, t: Of<'s3'>): Added {
  const field = triggerField(t.id);
  const bucketArn = `arn:aws:s3:::${t.bucket}`;
  const created: string[] = [];
  if (!tx.lab.services.s3.bucketNames().includes(t.bucket)) {
    tx.call(field, 's3', 'CreateBucket', { Bucket: t.bucket }, () =>
      undoCall(tx.lab, 's3', 'DeleteBucket', { Bucket: t.bucket }),
    );
    created.push(`bucket ${t.bucket}`);
  }
  // S3 checks that it may invoke the function when the notification is saved, so the statement comes first.
  const statementId = addPermission(tx, target, t.id, 's3.amazonaws.com', bucketArn);
  const previous = tx.call(field, 's3', 'GetBucketNotificationConfiguration', { Bucket: t.bucket });
  const rules = [
    ...(t.prefix ? [{ Name: 'prefix', Value: t.prefix }] : []),
    ...(t.suffix ? [{ Name: 'suffix', Value: t.suffix }] : []),
  ];
  const next = notificationsWithout(previous, t.id);
  next.LambdaFunctionConfigurations = [
    ...(next.LambdaFunctionConfigurations as JsonObject[]),
    {
      Id: t.id,
      LambdaFunctionArn: target.functionArn,
      Events: [...t.events],
      ...(rules.length > 0 ? { Filter: { Key: { FilterRules: rules } } } : {}),
    },
  ];
  tx.call(
    field,
    's3',
    'PutBucketNotificationConfiguration',
    { Bucket: t.bucket, NotificationConfiguration: next },
    () =>
      undoCall(tx.lab, 's3', 'PutBucketNotificationConfiguration', {
        Bucket: t.bucket,
        NotificationConfiguration: previous,
      }),
  );
  return { info: info(t, { sourceArn: bucketArn, statementId, created }), handles: {} };
}

/** Takes the function's entry out of the bucket's notification configuration (undoable). */
export function removeS3Trigger(tx: Tx, _target: TriggerTarget, i: TriggerInfo): void {
  const bucket = i.sourceArn.slice('arn:aws:s3:::'.length);
  const previous = tx.peek('s3', 'GetBucketNotificationConfiguration', { Bucket: bucket });
  if (!previous) return;
  tx.call(
    triggerField(i.triggerId),
    's3',
    'PutBucketNotificationConfiguration',
    { Bucket: bucket, NotificationConfiguration: notificationsWithout(previous, i.triggerId) },
    () =>
      undoCall(tx.lab, 's3', 'PutBucketNotificationConfiguration', {
        Bucket: bucket,
        NotificationConfiguration: previous,
      }),
  );
}

export function addSnsTrigger(tx: Tx, target: TriggerTarget, t: Of<'sns'>): Added {
  const field = triggerField(t.id);
  const existing = tx.peek('sns', 'ListTopics', {});
  const hub = tx.lab.services.hub;
  const arn = `arn:aws:sns:${hub.region}:${hub.accountId}:${t.topic}`;
  const known =
    Array.isArray(existing?.Topics) && existing.Topics.some((x) => (x as JsonObject).TopicArn === arn);
  tx.call(field, 'sns', 'CreateTopic', { Name: t.topic });
  const statementId = addPermission(tx, target, t.id, 'sns.amazonaws.com', arn);
  const sub = tx.call(
    field,
    'sns',
    'Subscribe',
    { TopicArn: arn, Protocol: 'lambda', Endpoint: target.functionArn },
    (r) => undoCall(tx.lab, 'sns', 'Unsubscribe', { SubscriptionArn: String(r.SubscriptionArn) }),
  );
  const created = known ? [] : [`topic ${t.topic}`];
  return {
    info: info(t, { sourceArn: arn, statementId, created }),
    handles: { subscriptionArn: String(sub.SubscriptionArn) },
  };
}

export function addEventBridgeTrigger(tx: Tx, target: TriggerTarget, t: Of<'eventbridge'>): Added {
  const field = triggerField(t.id);
  const hub = tx.lab.services.hub;
  const ruleArn = `arn:aws:events:${hub.region}:${hub.accountId}:rule/${t.ruleName}`;
  const rules = tx.peek('events', 'ListRules', {});
  const exists =
    Array.isArray(rules?.Rules) && rules.Rules.some((r) => (r as JsonObject).Name === t.ruleName);
  const notes: string[] = [];
  if (exists) notes.push(`The rule ${t.ruleName} already existed: its schedule or pattern was kept.`);
  else
    tx.call(field, 'events', 'PutRule', {
      Name: t.ruleName,
      ...(t.mode === 'schedule'
        ? { ScheduleExpression: t.schedule.trim() }
        : { EventPattern: t.eventPattern }),
    });
  const statementId = addPermission(tx, target, t.id, 'events.amazonaws.com', ruleArn);
  tx.call(field, 'events', 'PutTargets', {
    Rule: t.ruleName,
    Targets: [{ Id: target.functionName.slice(0, 64), Arn: target.functionArn }],
  });
  return {
    info: info(t, { sourceArn: ruleArn, statementId, created: exists ? [] : [`rule ${t.ruleName}`], notes }),
    handles: { ruleCreated: String(!exists) },
  };
}

export function addApiTrigger(tx: Tx, target: TriggerTarget, t: Of<'apigateway'>): Added {
  const field = triggerField(t.id);
  const { hub, apigateway } = tx.lab.services;
  const execArn = (id: string, rest: string) =>
    `arn:aws:execute-api:${hub.region}:${hub.accountId}:${id}/${rest}`;
  if (t.apiType === 'HTTP') {
    const id = apigateway.createHttpApi(t.apiName, target.functionName);
    const sourceArn = execArn(id, '*');
    const statementId = addPermission(tx, target, t.id, 'apigateway.amazonaws.com', sourceArn);
    const url = `${apigateway.invokeUrl(id, '$default').replace(/\/\$default$/, '')}/`;
    const notes = [
      'An HTTP API sends every method and path to the function (its $default route, payload 2.0).',
    ];
    return {
      info: info(t, {
        sourceArn,
        statementId,
        invokeUrl: url,
        created: [`HTTP API ${t.apiName} (${id})`],
        notes,
      }),
      handles: {},
    };
  }
  const created: string[] = [];
  let apiId = target.state.apis.get(t.apiName);
  let rootId = '';
  if (apiId === undefined) {
    const api = tx.call(field, 'apigateway', 'CreateRestApi', { name: t.apiName });
    apiId = String(api.id);
    rootId = String(api.rootResourceId);
    target.state.apis.set(t.apiName, apiId);
    created.push(`REST API ${t.apiName} (${apiId})`);
  }
  const restApiId = apiId;
  const resources = new Map<string, string>();
  for (const r of (tx.call(field, 'apigateway', 'GetResources', { restApiId }).items ?? []) as JsonObject[])
    resources.set(String(r.path), String(r.id));
  rootId = resources.get('/') ?? rootId;
  let at = '';
  for (const part of t.path.split('/').filter((p) => p !== '')) {
    const path = `${at}/${part}`;
    if (!resources.has(path)) {
      const r = tx.call(field, 'apigateway', 'CreateResource', {
        restApiId,
        parentId: resources.get(at || '/') ?? rootId,
        pathPart: part,
      });
      resources.set(path, String(r.id));
    }
    at = path;
  }
  const resourceId = resources.get(at || '/') ?? rootId;
  const method = { restApiId, resourceId, httpMethod: t.method };
  tx.call(field, 'apigateway', 'PutMethod', { ...method, authorizationType: 'NONE' });
  tx.call(field, 'apigateway', 'PutIntegration', {
    ...method,
    type: 'AWS_PROXY',
    integrationHttpMethod: 'POST',
    uri: `arn:aws:apigateway:${hub.region}:lambda:path/2015-03-31/functions/${target.functionArn}/invocations`,
  });
  tx.call(field, 'apigateway', 'CreateDeployment', { restApiId, stageName: t.stage });
  const sourceArn = execArn(restApiId, `*/${t.method === 'ANY' ? '*' : t.method}${at || '/'}`);
  const statementId = addPermission(tx, target, t.id, 'apigateway.amazonaws.com', sourceArn);
  const invokeUrl = `${apigateway.invokeUrl(restApiId, t.stage)}${at}`;
  return { info: info(t, { sourceArn, statementId, invokeUrl, created }), handles: {} };
}
