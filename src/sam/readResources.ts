/**
 * The plain resources the lab simulates, as SamResources: tables (SimpleTable and DynamoDB::Table with
 * keys and streams), queues (FIFO, redrive), topics and subscriptions, buckets, Kinesis streams, rules,
 * secrets, SSM parameters and Lambda permissions. Null for a type the lab does not simulate.
 */
import { arnOf, type KeyType, nameFromArn, type SamResource } from './samApp';
import { isObject, type TObject, type TValue } from './templateFile';

const text = (v: TValue | undefined, fallback = ''): string =>
  v === undefined || v === null
    ? fallback
    : typeof v === 'string'
      ? v
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

const keyType = (t: TValue | undefined): KeyType => {
  const s = text(t, 'S');
  return s === 'Number' || s === 'N' ? 'N' : s === 'Binary' || s === 'B' ? 'B' : 'S';
};

/** SQS attributes CloudFormation takes as properties (the rest of the properties are not attributes). */
const QUEUE_ATTRIBUTES = [
  'VisibilityTimeout',
  'DelaySeconds',
  'MessageRetentionPeriod',
  'MaximumMessageSize',
  'ReceiveMessageWaitTimeSeconds',
  'FifoQueue',
  'ContentBasedDeduplication',
];

function table(id: string, name: string, p: TObject, simple: boolean): SamResource {
  if (simple) {
    const pk = isObject(p.PrimaryKey) ? p.PrimaryKey : {};
    return {
      kind: 'table',
      logicalId: id,
      name,
      keys: [{ name: text(pk.Name, 'id'), type: keyType(pk.Type) }],
      stream: null,
    };
  }
  const defs = new Map<string, KeyType>();
  for (const d of Array.isArray(p.AttributeDefinitions) ? p.AttributeDefinitions : [])
    if (isObject(d)) defs.set(text(d.AttributeName), keyType(d.AttributeType));
  const schema = (Array.isArray(p.KeySchema) ? p.KeySchema : []).filter(isObject);
  const ordered = [...schema].sort((a, b) =>
    text(a.KeyType) === 'HASH' ? -1 : text(b.KeyType) === 'HASH' ? 1 : 0,
  );
  const spec = isObject(p.StreamSpecification) ? p.StreamSpecification : null;
  const keyNames = new Set(ordered.map((k) => text(k.AttributeName)));
  const list = (v: TValue | undefined) => (Array.isArray(v) ? v.filter(isObject) : []);
  const global = list(p.GlobalSecondaryIndexes);
  const local = list(p.LocalSecondaryIndexes);
  return {
    kind: 'table',
    logicalId: id,
    name,
    keys: ordered.map((k) => ({ name: text(k.AttributeName), type: defs.get(text(k.AttributeName)) ?? 'S' })),
    stream: spec ? text(spec.StreamViewType, 'NEW_AND_OLD_IMAGES') : null,
    // The simulated DynamoDB checks the index definitions when the table is created (#21).
    ...(global.length + local.length > 0
      ? {
          indexes: {
            attributes: [...defs].filter(([n]) => !keyNames.has(n)).map(([n, type]) => ({ name: n, type })),
            global,
            local,
          },
        }
      : {}),
  };
}

export function readResource(
  type: string,
  id: string,
  name: string,
  props: () => TObject,
): SamResource[] | null {
  switch (type) {
    case 'AWS::Serverless::SimpleTable':
    case 'AWS::DynamoDB::Table':
      return [table(id, name, props(), type === 'AWS::Serverless::SimpleTable')];
    case 'AWS::SQS::Queue': {
      const p = props();
      const attributes: Record<string, string> = {};
      for (const key of QUEUE_ATTRIBUTES) if (p[key] !== undefined) attributes[key] = text(p[key]);
      if (isObject(p.RedrivePolicy)) attributes.RedrivePolicy = JSON.stringify(p.RedrivePolicy);
      return [{ kind: 'queue', logicalId: id, name, attributes }];
    }
    case 'AWS::SNS::Topic': {
      const p = props();
      const subs = (Array.isArray(p.Subscription) ? p.Subscription : []).filter(isObject);
      return [
        { kind: 'topic', logicalId: id, name, fifo: text(p.FifoTopic) === 'true' },
        ...subs.map(
          (s, i): SamResource => ({
            kind: 'subscription',
            logicalId: `${id}Subscription${i + 1}`,
            topicArn: arnOf.topic(name),
            protocol: text(s.Protocol),
            endpoint: text(s.Endpoint),
          }),
        ),
      ];
    }
    case 'AWS::SNS::Subscription': {
      const p = props();
      return [
        {
          kind: 'subscription',
          logicalId: id,
          topicArn: text(p.TopicArn),
          protocol: text(p.Protocol),
          endpoint: text(p.Endpoint),
        },
      ];
    }
    case 'AWS::S3::Bucket':
      return [{ kind: 'bucket', logicalId: id, name }];
    case 'AWS::Kinesis::Stream': {
      const p = props();
      return [{ kind: 'stream', logicalId: id, name, shards: Number(text(p.ShardCount, '1')) || 1 }];
    }
    case 'AWS::Events::Rule': {
      const p = props();
      const targets = (Array.isArray(p.Targets) ? p.Targets : []).filter(isObject);
      return [
        {
          kind: 'rule',
          logicalId: id,
          name,
          schedule: p.ScheduleExpression === undefined ? null : text(p.ScheduleExpression),
          pattern: p.EventPattern === undefined ? null : text(p.EventPattern),
          enabled: text(p.State, 'ENABLED') === 'ENABLED',
          targets: targets.map((x, i) => ({ id: text(x.Id, String(i + 1)), arn: text(x.Arn) })),
        },
      ];
    }
    case 'AWS::SecretsManager::Secret': {
      const p = props();
      const generated = isObject(p.GenerateSecretString) ? p.GenerateSecretString : null;
      // A generated secret gets a fixed stand-in (the lab has no randomness of its own here).
      const value =
        p.SecretString !== undefined ? text(p.SecretString) : generated ? 'lab-generated-secret' : '';
      return [{ kind: 'secret', logicalId: id, name, value }];
    }
    case 'AWS::SSM::Parameter': {
      const p = props();
      return [{ kind: 'parameter', logicalId: id, name, type: text(p.Type, 'String'), value: text(p.Value) }];
    }
    case 'AWS::Lambda::Permission': {
      const p = props();
      return [
        {
          kind: 'permission',
          logicalId: id,
          functionName: nameFromArn(text(p.FunctionName)),
          principal: text(p.Principal),
          sourceArn: p.SourceArn === undefined ? null : text(p.SourceArn),
        },
      ];
    }
    default:
      return null;
  }
}
