/**
 * SAM policy templates (the common ones) as IAM statements, with the ARNs SAM builds from their
 * parameters. They become the function role's inline policy, so the lab's IAM evaluation decides.
 */
import { ACCOUNT, REGION } from './samApp';

type Statement = {
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
};

const base = (service: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}`;
const table = (p: Params) => [
  `${base('dynamodb')}:table/${p.TableName}`,
  `${base('dynamodb')}:table/${p.TableName}/index/*`,
];
const bucket = (p: Params) => [`arn:aws:s3:::${p.BucketName}`, `arn:aws:s3:::${p.BucketName}/*`];
type Params = Readonly<Record<string, string>>;

const allow = (Action: string[], Resource: string | string[]): Statement => ({
  Effect: 'Allow',
  Action,
  Resource,
});

interface PolicyTemplate {
  readonly params: readonly string[];
  statements(p: Params): Statement[];
}

const DDB_READ = ['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem'];
const DDB_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'];
const S3_READ = ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion'];
const S3_WRITE = ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'];
const SQS_POLL = [
  'sqs:ChangeMessageVisibility',
  'sqs:ChangeMessageVisibilityBatch',
  'sqs:DeleteMessage',
  'sqs:DeleteMessageBatch',
  'sqs:GetQueueAttributes',
  'sqs:ReceiveMessage',
];

export const POLICY_TEMPLATES: Readonly<Record<string, PolicyTemplate>> = {
  DynamoDBCrudPolicy: {
    params: ['TableName'],
    statements: (p) => [
      allow(
        [
          ...DDB_READ,
          'dynamodb:DeleteItem',
          ...DDB_WRITE,
          'dynamodb:DescribeTable',
          'dynamodb:ConditionCheckItem',
        ],
        table(p),
      ),
    ],
  },
  DynamoDBReadPolicy: {
    params: ['TableName'],
    statements: (p) => [allow([...DDB_READ, 'dynamodb:DescribeTable'], table(p))],
  },
  DynamoDBWritePolicy: { params: ['TableName'], statements: (p) => [allow(DDB_WRITE, table(p))] },
  DynamoDBStreamReadPolicy: {
    params: ['TableName', 'StreamName'],
    statements: (p) => [
      allow(
        ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        `${base('dynamodb')}:table/${p.TableName}/stream/${p.StreamName}`,
      ),
      allow(['dynamodb:ListStreams'], `${base('dynamodb')}:table/${p.TableName}/stream/*`),
    ],
  },
  SQSSendMessagePolicy: {
    params: ['QueueName'],
    statements: (p) => [allow(['sqs:SendMessage*'], `${base('sqs')}:${p.QueueName}`)],
  },
  SQSPollerPolicy: {
    params: ['QueueName'],
    statements: (p) => [allow(SQS_POLL, `${base('sqs')}:${p.QueueName}`)],
  },
  S3ReadPolicy: {
    params: ['BucketName'],
    statements: (p) => [allow([...S3_READ, 's3:GetLifecycleConfiguration'], bucket(p))],
  },
  S3WritePolicy: { params: ['BucketName'], statements: (p) => [allow(S3_WRITE, bucket(p))] },
  S3CrudPolicy: {
    params: ['BucketName'],
    statements: (p) => [
      allow([...S3_READ, ...S3_WRITE, 's3:GetLifecycleConfiguration', 's3:DeleteObject'], bucket(p)),
    ],
  },
  SNSPublishMessagePolicy: {
    params: ['TopicName'],
    statements: (p) => [allow(['sns:Publish'], `${base('sns')}:${p.TopicName}`)],
  },
  SNSCrudPolicy: {
    params: ['TopicName'],
    statements: (p) => [
      allow(
        [
          'sns:ListSubscriptionsByTopic',
          'sns:CreateTopic',
          'sns:SetTopicAttributes',
          'sns:Subscribe',
          'sns:Publish',
        ],
        `${base('sns')}:${p.TopicName}*`,
      ),
    ],
  },
  AWSSecretsManagerGetSecretValuePolicy: {
    params: ['SecretArn'],
    statements: (p) => [allow(['secretsmanager:GetSecretValue'], p.SecretArn ?? '')],
  },
  SSMParameterReadPolicy: {
    params: ['ParameterName'],
    statements: (p) => [
      allow(['ssm:DescribeParameters'], '*'),
      allow(
        ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'],
        `${base('ssm')}:parameter/${p.ParameterName}`,
      ),
    ],
  },
  SSMParameterWithSlashPrefixReadPolicy: {
    params: ['ParameterName'],
    statements: (p) => [
      allow(['ssm:DescribeParameters'], '*'),
      allow(
        ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'],
        `${base('ssm')}:parameter${p.ParameterName}`,
      ),
    ],
  },
  KinesisStreamReadPolicy: {
    params: ['StreamName'],
    statements: (p) => [
      allow(['kinesis:ListStreams', 'kinesis:DescribeLimits'], `${base('kinesis')}:stream/*`),
      allow(
        [
          'kinesis:DescribeStream',
          'kinesis:DescribeStreamSummary',
          'kinesis:GetRecords',
          'kinesis:GetShardIterator',
        ],
        `${base('kinesis')}:stream/${p.StreamName}`,
      ),
    ],
  },
  KinesisCrudPolicy: {
    params: ['StreamName'],
    statements: (p) => [allow(['kinesis:*'], `${base('kinesis')}:stream/${p.StreamName}`)],
  },
  EventBridgePutEventsPolicy: {
    params: ['EventBusName'],
    statements: (p) => [allow(['events:PutEvents'], `${base('events')}:event-bus/${p.EventBusName}`)],
  },
  LambdaInvokePolicy: {
    params: ['FunctionName'],
    statements: (p) => [allow(['lambda:InvokeFunction'], `${base('lambda')}:function:${p.FunctionName}*`)],
  },
  CloudWatchPutMetricPolicy: {
    params: [],
    statements: () => [allow(['cloudwatch:PutMetricData'], '*')],
  },
  VPCAccessPolicy: {
    params: [],
    statements: () => [
      allow(
        [
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DetachNetworkInterface',
        ],
        '*',
      ),
    ],
  },
};

/** The statements of `name` with `params`, or an error message naming what is wrong. */
export function policyTemplate(
  name: string,
  params: Readonly<Record<string, unknown>>,
): { statements: Statement[] } | { error: string } {
  const template = POLICY_TEMPLATES[name];
  if (!template) return { error: `the lab does not know the policy template ${name}` };
  const values: Record<string, string> = {};
  for (const key of template.params) {
    const v = params[key];
    if (typeof v !== 'string' || v === '') return { error: `${name} needs ${key}` };
    values[key] = v;
  }
  return { statements: template.statements(values) };
}
