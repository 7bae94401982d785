/**
 * The resources of an exported template: those the opened app had, plus those the workspace's triggers and
 * destinations name (the lab's deploy creates them on the fly; a template must declare them).
 */
import type { WorkspaceDoc } from '../store/workspaceDoc';
import { type LogicalIds, logicalIdOf, portable, portableDeep } from './exportNames';
import type { SamResource } from './samApp';
import type { TObject, TValue } from './templateFile';

/** Resources for what triggers and destinations name but the app does not have yet (as deploy creates them). */
export function impliedResources(
  ws: WorkspaceDoc,
  have: readonly SamResource[],
  ids: LogicalIds,
): SamResource[] {
  const out = [...have];
  const has = (kind: SamResource['kind'], name: string) =>
    out.some((r) => r.kind === kind && 'name' in r && r.name === name);
  const add = (r: SamResource) => {
    if (!has(r.kind, 'name' in r ? r.name : '')) out.push(r);
  };
  const named = (name: string, suffix: string) => ids.take(logicalIdOf(name, suffix));
  for (const fn of Object.values(ws.functions)) {
    for (const t of fn.triggers) {
      if (t.kind === 's3' && !has('bucket', t.bucket))
        add({ kind: 'bucket', logicalId: named(t.bucket, 'Bucket'), name: t.bucket });
      if (t.kind === 'sqs' && !has('queue', t.queue))
        add({
          kind: 'queue',
          logicalId: named(t.queue, 'Queue'),
          name: t.queue,
          attributes: t.queue.endsWith('.fifo') ? { FifoQueue: 'true' } : {},
        });
      if (t.kind === 'sns' && !has('topic', t.topic))
        add({ kind: 'topic', logicalId: named(t.topic, 'Topic'), name: t.topic, fifo: false });
      if (t.kind === 'dynamodb' && !has('table', t.table))
        add({
          kind: 'table',
          logicalId: named(t.table, 'Table'),
          name: t.table,
          keys: [{ name: 'id', type: 'S' }],
          stream: 'NEW_AND_OLD_IMAGES',
        });
    }
    for (const d of [fn.destinations.onSuccess, fn.destinations.onFailure]) {
      if (d?.kind === 'sqs' && !has('queue', d.name))
        add({ kind: 'queue', logicalId: named(d.name, 'Queue'), name: d.name, attributes: {} });
      if (d?.kind === 'sns' && !has('topic', d.name))
        add({ kind: 'topic', logicalId: named(d.name, 'Topic'), name: d.name, fifo: false });
    }
  }
  return out;
}

export function resourceTemplate(r: SamResource): TObject | null {
  // Names are always written: the handlers and policies name resources as the lab did, and a name AWS
  // made up (stack-Id-RANDOM) would not match them.
  const nameProp = (key: string): TObject => ('name' in r ? { [key]: r.name } : {});
  switch (r.kind) {
    case 'table':
      return {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          ...nameProp('TableName'),
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [...r.keys, ...(r.indexes?.attributes ?? [])].map((k) => ({
            AttributeName: k.name,
            AttributeType: k.type,
          })),
          KeySchema: r.keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
          ...(r.indexes?.global.length ? { GlobalSecondaryIndexes: [...r.indexes.global] } : {}),
          ...(r.indexes?.local.length ? { LocalSecondaryIndexes: [...r.indexes.local] } : {}),
          ...(r.stream ? { StreamSpecification: { StreamViewType: r.stream } } : {}),
        },
      };
    case 'queue': {
      const { RedrivePolicy, ...rest } = r.attributes;
      const props: TObject = { ...nameProp('QueueName') };
      for (const [k, v] of Object.entries(rest))
        props[k] = /^\d+$/.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
      if (RedrivePolicy) props.RedrivePolicy = portableDeep(JSON.parse(RedrivePolicy) as TValue);
      return { Type: 'AWS::SQS::Queue', ...(Object.keys(props).length > 0 ? { Properties: props } : {}) };
    }
    case 'topic': {
      const props: TObject = { ...nameProp('TopicName'), ...(r.fifo ? { FifoTopic: true } : {}) };
      return { Type: 'AWS::SNS::Topic', ...(Object.keys(props).length > 0 ? { Properties: props } : {}) };
    }
    case 'bucket': {
      const props = nameProp('BucketName');
      return { Type: 'AWS::S3::Bucket', ...(Object.keys(props).length > 0 ? { Properties: props } : {}) };
    }
    case 'stream':
      return { Type: 'AWS::Kinesis::Stream', Properties: { ...nameProp('Name'), ShardCount: r.shards } };
    case 'secret':
      return {
        Type: 'AWS::SecretsManager::Secret',
        Properties: { ...nameProp('Name'), SecretString: r.value },
      };
    case 'parameter':
      return {
        Type: 'AWS::SSM::Parameter',
        Properties: { ...nameProp('Name'), Type: r.type, Value: r.value },
      };
    case 'subscription':
      return {
        Type: 'AWS::SNS::Subscription',
        Properties: { TopicArn: portable(r.topicArn), Protocol: r.protocol, Endpoint: portable(r.endpoint) },
      };
    case 'rule':
      return {
        Type: 'AWS::Events::Rule',
        Properties: {
          ...nameProp('Name'),
          ...(r.schedule ? { ScheduleExpression: r.schedule } : {}),
          ...(r.pattern ? { EventPattern: JSON.parse(r.pattern) as TValue } : {}),
          State: r.enabled ? 'ENABLED' : 'DISABLED',
          Targets: r.targets.map((t) => ({ Id: t.id, Arn: portable(t.arn) })),
        },
      };
    case 'permission':
      return {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          FunctionName: r.functionName,
          Action: 'lambda:InvokeFunction',
          Principal: r.principal,
          ...(r.sourceArn ? { SourceArn: portable(r.sourceArn) } : {}),
        },
      };
    case 'websocketApi':
      // Several resources (Api, Integrations, Routes, Stage): exportTemplate writes them with webSocketTemplate.
      return null;
    default: {
      const never: never = r;
      return never;
    }
  }
}
