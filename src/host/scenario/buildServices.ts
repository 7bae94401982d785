/** The services part of a lesson world: tables, queues, topics, buckets, mappings, APIs, schedules. */
import type { LabWorld } from '../labWorld';
import { marshalItem, queueArn, REGION } from './awsNames';
import { isObject, type JsonObject } from './jsonPath';
import { SetupError } from './setupError';
import type { WorldSpec } from './world';

export type ConsoleCall = (service: string, operation: string, params: JsonObject) => JsonObject;

export function buildServices(
  spec: WorldSpec,
  lab: LabWorld,
  consoleCall: ConsoleCall,
  qualified: (fn: string) => string,
): { apiIds: Map<string, string>; stages: Map<string, string> } {
  const streamArns = new Map<string, string>();
  for (const t of spec.tables ?? []) {
    const keys = [t.partitionKey, ...(t.sortKey ? [t.sortKey] : [])];
    const created = consoleCall('dynamodb', 'CreateTable', {
      TableName: t.name,
      KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
      AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
      BillingMode: 'PAY_PER_REQUEST',
      ...(t.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream } } : {}),
    });
    const desc = created.TableDescription;
    if (isObject(desc) && typeof desc.LatestStreamArn === 'string')
      streamArns.set(t.name, desc.LatestStreamArn);
    for (const item of t.items ?? [])
      consoleCall('dynamodb', 'PutItem', { TableName: t.name, Item: marshalItem(item) });
  }

  // Dead-letter queues first, so a redrive policy names a queue that exists.
  const queues = [...(spec.queues ?? [])].sort(
    (a, b) => Number(a.redrive !== undefined) - Number(b.redrive !== undefined),
  );
  for (const q of queues) {
    const attributes: JsonObject = {};
    if (q.visibilityTimeoutS !== undefined) attributes.VisibilityTimeout = String(q.visibilityTimeoutS);
    if (q.redrive)
      attributes.RedrivePolicy = JSON.stringify({
        deadLetterTargetArn: queueArn(q.redrive.deadLetterQueue),
        maxReceiveCount: q.redrive.maxReceiveCount,
      });
    consoleCall('sqs', 'CreateQueue', { QueueName: q.name, Attributes: attributes });
  }

  for (const t of spec.topics ?? []) {
    const arn = String(consoleCall('sns', 'CreateTopic', { Name: t.name }).TopicArn);
    for (const s of t.subscriptions)
      consoleCall('sns', 'Subscribe', {
        TopicArn: arn,
        Protocol: s.protocol,
        Endpoint: s.protocol === 'lambda' ? qualified(s.endpoint) : queueArn(s.endpoint),
      });
  }

  for (const b of spec.buckets ?? []) {
    consoleCall('s3', 'CreateBucket', { Bucket: b.name });
    if (b.notifications?.length)
      consoleCall('s3', 'PutBucketNotificationConfiguration', {
        Bucket: b.name,
        NotificationConfiguration: {
          LambdaFunctionConfigurations: b.notifications.map((n) => {
            const rules = [
              ...(n.prefix !== undefined ? [{ Name: 'prefix', Value: n.prefix }] : []),
              ...(n.suffix !== undefined ? [{ Name: 'suffix', Value: n.suffix }] : []),
            ];
            return {
              LambdaFunctionArn: qualified(n.function),
              Events: n.events,
              ...(rules.length ? { Filter: { Key: { FilterRules: rules } } } : {}),
            };
          }),
        },
      });
  }

  for (const m of spec.eventSourceMappings ?? []) {
    const source = 'queue' in m.source ? queueArn(m.source.queue) : streamArns.get(m.source.tableStream);
    if (source === undefined) throw new SetupError(`table ${JSON.stringify(m.source)} has no stream`);
    const isStream = 'tableStream' in m.source;
    consoleCall('lambda', 'CreateEventSourceMapping', {
      FunctionName: qualified(m.function).endsWith(`:${m.function}`) ? m.function : qualified(m.function),
      EventSourceArn: source,
      ...(m.batchSize !== undefined ? { BatchSize: m.batchSize } : {}),
      ...(m.batchWindowS !== undefined ? { MaximumBatchingWindowInSeconds: m.batchWindowS } : {}),
      ...(m.reportBatchItemFailures ? { FunctionResponseTypes: ['ReportBatchItemFailures'] } : {}),
      ...(isStream ? { StartingPosition: m.startingPosition ?? 'LATEST' } : {}),
      ...(m.maximumRetryAttempts !== undefined ? { MaximumRetryAttempts: m.maximumRetryAttempts } : {}),
      ...(m.bisectOnError !== undefined ? { BisectBatchOnFunctionError: m.bisectOnError } : {}),
      ...(m.onFailure ? { DestinationConfig: { OnFailure: { Destination: queueArn(m.onFailure) } } } : {}),
    });
  }

  const apiIds = new Map<string, string>();
  const stages = new Map<string, string>();
  for (const api of spec.apis ?? []) {
    stages.set(api.name, api.stages[0] as string);
    if (api.type === 'HTTP') {
      apiIds.set(
        api.name,
        lab.services.apigateway.createHttpApi(api.name, (api.routes[0] as { function: string }).function),
      );
      continue;
    }
    const created = consoleCall('apigateway', 'CreateRestApi', { name: api.name });
    const restApiId = String(created.id);
    apiIds.set(api.name, restApiId);
    const resources = new Map<string, string>([['', String(created.rootResourceId)]]);
    const resourceFor = (path: string): string => {
      let at = '';
      for (const part of path.split('/').filter((p) => p !== '')) {
        const next = `${at}/${part}`;
        if (!resources.has(next)) {
          const r = consoleCall('apigateway', 'CreateResource', {
            restApiId,
            parentId: resources.get(at) as string,
            pathPart: part,
          });
          resources.set(next, String(r.id));
        }
        at = next;
      }
      return resources.get(at) as string;
    };
    for (const route of api.routes) {
      const resourceId = resourceFor(route.path);
      consoleCall('apigateway', 'PutMethod', {
        restApiId,
        resourceId,
        httpMethod: route.method,
        authorizationType: 'NONE',
      });
      consoleCall('apigateway', 'PutIntegration', {
        restApiId,
        resourceId,
        httpMethod: route.method,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${qualified(route.function)}/invocations`,
      });
    }
    for (const stageName of api.stages)
      consoleCall('apigateway', 'CreateDeployment', { restApiId, stageName });
  }

  for (const s of spec.schedules ?? []) {
    consoleCall('events', 'PutRule', { Name: s.name, ScheduleExpression: s.rate });
    consoleCall('events', 'PutTargets', { Rule: s.name, Targets: [{ Id: '1', Arn: qualified(s.function) }] });
  }

  return { apiIds, stages };
}
