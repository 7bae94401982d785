/** The AWS managed policies the Lambda module names, with their real actions (all on Resource "*"). */
import type { PolicyDocument } from './iamPolicy';

const LOGS = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];

function allowAll(actions: readonly string[]): PolicyDocument {
  return {
    statements: [
      {
        sid: null,
        effect: 'Allow',
        actions,
        notActions: null,
        resources: ['*'],
        notResources: null,
        principals: null,
        conditions: [],
      },
    ],
  };
}

export const MANAGED_POLICIES: ReadonlyMap<string, PolicyDocument> = new Map([
  ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', allowAll(LOGS)],
  [
    'arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole',
    allowAll([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      ...LOGS,
    ]),
  ],
  [
    'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole',
    allowAll(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', ...LOGS]),
  ],
  [
    'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole',
    allowAll([
      'kinesis:DescribeStream',
      'kinesis:DescribeStreamSummary',
      'kinesis:GetRecords',
      'kinesis:GetShardIterator',
      'kinesis:ListShards',
      'kinesis:ListStreams',
      'kinesis:SubscribeToShard',
      ...LOGS,
    ]),
  ],
  [
    'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
    allowAll([
      ...LOGS,
      'ec2:CreateNetworkInterface',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeSubnets',
      'ec2:DeleteNetworkInterface',
      'ec2:AssignPrivateIpAddresses',
      'ec2:UnassignPrivateIpAddresses',
    ]),
  ],
  ['arn:aws:iam::aws:policy/AdministratorAccess', allowAll(['*'])],
]);
