/**
 * Names and identities of template resources: each resource's physical name (its name property, or one
 * made from the stack and logical id as CloudFormation would), what Ref and Fn::GetAtt give for it, the
 * Globals merged into a resource, and the files under a CodeUri.
 */
import { ACCOUNT, arnOf, REGION } from './samApp';
import { isObject, type TObject, type TValue } from './templateFile';

/** Identifiers only the world knows (random parts), from a world the app was already built in. */
export interface KnownIds {
  readonly secretArns?: Readonly<Record<string, string>>;
  readonly streamArns?: Readonly<Record<string, string>>;
  readonly apiIds?: Readonly<Record<string, string>>;
}

export interface ReadInput {
  readonly templatePath: string;
  readonly text: string;
  /** Every file of the application, by path relative to the template's folder (`/` separators). */
  readonly files: Readonly<Record<string, string>>;
  readonly parameterOverrides?: Readonly<Record<string, string>>;
  readonly stackName?: string;
  readonly ids?: KnownIds;
  /** Saved test events of a function (name -> JSON text). */
  events?(functionName: string, logicalId: string): Record<string, string>;
}

const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'FunctionName',
  'AWS::Serverless::LayerVersion': 'LayerName',
  'AWS::Lambda::LayerVersion': 'LayerName',
  'AWS::Serverless::SimpleTable': 'TableName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Kinesis::Stream': 'Name',
  'AWS::Events::Rule': 'Name',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::SSM::Parameter': 'Name',
  'AWS::IAM::Role': 'RoleName',
  'AWS::Serverless::Api': 'Name',
  'AWS::Serverless::HttpApi': 'Name',
};

/** Functions, layers and APIs keep their logical id (as `sam local` does); the rest get `<stack>-<id>`. */
export function physicalName(type: string, id: string, stack: string, prop: (key: string) => TValue): string {
  const key = NAME_PROPERTY[type];
  const given = key ? prop(key) : null;
  if (typeof given === 'string' && given !== '') return given;
  if (type.includes('Function') || type.includes('LayerVersion') || type.includes('Api')) return id;
  const fifo =
    (type === 'AWS::SQS::Queue' || type === 'AWS::SNS::Topic') &&
    String(prop('FifoQueue') ?? prop('FifoTopic')) === 'true';
  const name = `${stack}-${id}${fifo ? '.fifo' : ''}`;
  return type === 'AWS::S3::Bucket' ? name.toLowerCase() : name;
}

/** A stand-in for the random suffix AWS adds to a secret's ARN, until the world has made the real one. */
const predictedSuffix = (name: string) => {
  let h = 7;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 2 ** 24;
  return h.toString(16).padStart(6, '0');
};

export function refValue(type: string, id: string, name: string, ids: KnownIds | undefined): string {
  switch (type) {
    case 'AWS::Serverless::LayerVersion':
    case 'AWS::Lambda::LayerVersion':
      return arnOf.layer(name);
    case 'AWS::SQS::Queue':
      return `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;
    case 'AWS::SNS::Topic':
      return arnOf.topic(name);
    case 'AWS::SecretsManager::Secret':
      return (
        ids?.secretArns?.[id] ??
        `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-${predictedSuffix(name)}`
      );
    case 'AWS::Serverless::Api':
    case 'AWS::Serverless::HttpApi':
    case 'AWS::ApiGatewayV2::Api':
      return ids?.apiIds?.[id] ?? id.toLowerCase().slice(0, 10);
    default:
      return NAME_PROPERTY[type] ? name : id;
  }
}

export function attValue(
  type: string,
  id: string,
  attr: string,
  name: string,
  ids: KnownIds | undefined,
): string | undefined {
  const table = arnOf.table(name);
  const byType: Record<string, Record<string, string>> = {
    'AWS::Serverless::Function': { Arn: arnOf.fn(name) },
    'AWS::Serverless::SimpleTable': { Arn: table },
    'AWS::DynamoDB::Table': {
      Arn: table,
      StreamArn: ids?.streamArns?.[id] ?? `${table}/stream/1970-01-01T00:00:00.000`,
    },
    'AWS::SQS::Queue': { Arn: arnOf.queue(name), QueueName: name, QueueUrl: refValue(type, id, name, ids) },
    'AWS::SNS::Topic': { TopicArn: arnOf.topic(name), TopicName: name },
    'AWS::S3::Bucket': {
      Arn: arnOf.bucket(name),
      DomainName: `${name}.s3.amazonaws.com`,
      RegionalDomainName: `${name}.s3.${REGION}.amazonaws.com`,
    },
    'AWS::Kinesis::Stream': { Arn: arnOf.stream(name) },
    'AWS::Events::Rule': { Arn: arnOf.rule(name) },
    'AWS::IAM::Role': { Arn: arnOf.role(name), RoleId: `AROA${id.toUpperCase().slice(0, 17)}` },
    'AWS::SecretsManager::Secret': { Id: refValue(type, id, name, ids) },
  };
  const known = byType[type];
  if (known) return known[attr];
  // Resources the lab does not simulate still answer, so the rest of the template resolves.
  return `${id}.${attr}`;
}

/** Globals: maps are merged, lists appended, other values replaced (SAM's rules). */
function merge(global: TValue, local: TValue | undefined): TValue {
  if (local === undefined) return global;
  if (isObject(global) && isObject(local)) {
    const keys = Object.keys(local);
    // An intrinsic in the resource replaces whatever the Globals had.
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]?.startsWith('Fn::'))) return local;
    const out: TObject = { ...global };
    for (const [k, v] of Object.entries(local)) out[k] = merge(global[k] ?? null, v);
    return out;
  }
  if (Array.isArray(global) && Array.isArray(local)) return [...global, ...local];
  return local;
}

const GLOBAL_SECTION: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
};

export function globalsFor(root: TObject, type: string, props: TObject): TObject {
  const section = GLOBAL_SECTION[type];
  const globals = isObject(root.Globals) && section ? root.Globals[section] : undefined;
  if (!isObject(globals)) return props;
  const out: TObject = { ...globals };
  for (const [k, v] of Object.entries(props)) out[k] = merge(globals[k] ?? null, v);
  return out;
}

/** Text files under `dir` (relative to the template), keyed by their path inside it. */
export function filesUnder(files: Readonly<Record<string, string>>, dir: string): Record<string, string> {
  const prefix = dir.replace(/^\.\/?/, '').replace(/\/+$/, '');
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    if (prefix === '') {
      if (!/^template\.(ya?ml|json)$/.test(path) && !path.startsWith('events/')) out[path] = text;
    } else if (path.startsWith(`${prefix}/`)) out[path.slice(prefix.length + 1)] = text;
  }
  return out;
}
