/**
 * Test fixture for operationDrift.test.ts: a world holding one of every resource, all named `lab`, and
 * the parameter values that reach those resources, so an operation runs far enough to read its parameters.
 */
import type { Json, JsonObject } from './json';
import { createLab, LAMBDA_TRUST, type Lab } from './labTestSupport';
import type { ParamType } from './model/operationModel';

const ACCOUNT = '123456789012';
const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:lab`;
const QUEUE_URL = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/lab`;
const QUEUE_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT}:lab`;
const STREAM_ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/lab`;
const TOPIC_ARN = `arn:aws:sns:us-east-1:${ACCOUNT}:lab`;
const ITEM = { id: { S: 'lab' }, n: { N: '1' } };
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

/** A value of the declared type, for a parameter no entry below names. */
const BY_TYPE: Readonly<Record<ParamType, Json>> = {
  s: 'lab',
  i: 1,
  n: 1,
  B: true,
  b: { $b64: 'bGFi' },
  l: [],
  m: {},
  S: {},
  t: { $ts: 0 },
  x: 'lab/lab',
};

/** Values by `service.Param` or `Param` that a real call would send. */
const VALUES: Readonly<Record<string, Json>> = {
  QueueUrl: QUEUE_URL,
  TopicArn: TOPIC_ARN,
  Protocol: 'sqs',
  Endpoint: QUEUE_ARN,
  'sqs.Entries': [{ Id: '1', MessageBody: 'lab', ReceiptHandle: 'lab' }],
  'sqs.Attributes': { VisibilityTimeout: '30' },
  'sqs.AttributeNames': ['All'],
  'sns.Attributes': { RawMessageDelivery: 'true' },
  'dynamodb.KeySchema': [{ AttributeName: 'id', KeyType: 'HASH' }],
  'dynamodb.AttributeDefinitions': [{ AttributeName: 'id', AttributeType: 'S' }],
  'dynamodb.BillingMode': 'PAY_PER_REQUEST',
  'dynamodb.Item': ITEM,
  'dynamodb.Key': { id: { S: 'lab' } },
  'dynamodb.KeyConditionExpression': 'id = :v',
  'dynamodb.FilterExpression': '#n = :n',
  'dynamodb.ConditionExpression': 'attribute_exists(id)',
  'dynamodb.UpdateExpression': 'SET #n = :n',
  'dynamodb.ProjectionExpression': 'id, #n',
  'dynamodb.ExpressionAttributeValues': { ':v': { S: 'lab' }, ':n': { N: '1' } },
  'dynamodb.ExpressionAttributeNames': { '#n': 'n' },
  'dynamodb.ReturnValues': 'ALL_OLD',
  'dynamodb.ExclusiveStartKey': { id: { S: 'lab' } },
  'dynamodb.IndexName': null,
  'dynamodb.RequestItems': { lab: [{ PutRequest: { Item: ITEM } }] },
  'dynamodb.StreamSpecification': { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  ShardCount: 1,
  StreamARN: STREAM_ARN,
  PartitionKey: 'lab',
  Records: [{ Data: { $b64: 'bGFi' }, PartitionKey: 'lab' }],
  'lambda.Name': 'lab',
  FunctionVersion: '1',
  'lambda.Qualifier': 'lab',
  InvocationType: 'Event',
  Action: 'lambda:InvokeFunction',
  Principal: 's3.amazonaws.com',
  AuthType: 'NONE',
  EventSourceArn: QUEUE_ARN,
  StartingPosition: 'LATEST',
  BatchSize: 5,
  FunctionResponseTypes: ['ReportBatchItemFailures'],
  RoutingConfig: { AdditionalVersionWeights: { '1': 0.1 } },
  AssumeRolePolicyDocument: LAMBDA_TRUST,
  PolicyDocument: POLICY,
  PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  httpMethod: 'GET',
  authorizationType: 'NONE',
  type: 'AWS_PROXY',
  integrationHttpMethod: 'POST',
  uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FN_ARN}/invocations`,
  pathPart: 'lab',
  stageName: 'lab',
  ProtocolType: 'WEBSOCKET',
  RouteSelectionExpression: '$request.body.action',
  IntegrationType: 'AWS_PROXY',
  IntegrationUri: FN_ARN,
  RouteKey: '$default',
  StageName: 'lab',
  ScheduleExpression: 'rate(5 minutes)',
  Targets: [{ Id: 'lab', Arn: FN_ARN }],
  'events.Entries': [{ Source: 'lab', DetailType: 'lab', Detail: '{}' }],
  'events.EventPattern': null,
  Names: ['lab'],
  Value: 'lab',
  SecretString: 'lab',
};

/** The second pass sends these instead: a stream mapping, a FIFO queue and topic, a global index read more. */
const VARIANT: Readonly<Record<string, Json>> = {
  'lambda.EventSourceArn': STREAM_ARN,
  'sqs.QueueUrl': `${QUEUE_URL}.fifo`,
  'sns.TopicArn': `${TOPIC_ARN}.fifo`,
  'dynamodb.IndexName': 'lab',
  'dynamodb.KeyConditionExpression': '#n = :v',
  'dynamodb.ExpressionAttributeValues': { ':v': { N: '1' }, ':n': { N: '1' } },
};

/** Seeded worlds to run every operation in: the plain resources, then their stream and FIFO kinds. */
export const VARIANTS = [0, 1] as const;

export interface DriftWorld {
  readonly lab: Lab;
  /** The value a call into this world sends for a parameter (null: the call leaves it out). */
  value(service: string, param: string, type: ParamType): Json;
}

function world(lab: Lab, ids: Readonly<Record<string, Json>>, variant = 0): DriftWorld {
  const sources = variant === 1 ? [VARIANT, ids, VALUES] : [ids, VALUES];
  return {
    lab,
    value(service, param, type) {
      for (const key of [`${service}.${param}`, param])
        for (const source of sources) if (key in source) return source[key] ?? null;
      return BY_TYPE[type];
    },
  };
}

/** A world with nothing in it: Create operations run to the end here. */
export function emptyWorld(): DriftWorld {
  return world(createLab(), {});
}

/** A world with one resource of each kind, each named `lab`: every other operation finds what it names. */
export function seededWorld(variant = 0): DriftWorld {
  const lab = createLab();
  const ok = lab.ok.bind(lab);
  const role = lab.role('lab', [
    'AWSLambdaBasicExecutionRole',
    'AWSLambdaSQSQueueExecutionRole',
    'AWSLambdaKinesisExecutionRole',
  ]);
  lab.fn('lab', role);
  ok('lambda', 'PublishVersion', { FunctionName: 'lab' });
  ok('lambda', 'CreateAlias', { FunctionName: 'lab', Name: 'lab', FunctionVersion: '1' });
  ok('lambda', 'CreateFunctionUrlConfig', { FunctionName: 'lab', AuthType: 'NONE' });
  ok('lambda', 'AddPermission', {
    FunctionName: 'lab',
    StatementId: 'lab',
    Action: 'lambda:InvokeFunction',
    Principal: 's3.amazonaws.com',
  });
  ok('iam', 'PutRolePolicy', { RoleName: 'lab', PolicyName: 'lab', PolicyDocument: POLICY });
  ok('s3', 'CreateBucket', { Bucket: 'lab' });
  ok('s3', 'PutObject', { Bucket: 'lab', Key: 'lab', Body: 'lab' });
  ok('sqs', 'CreateQueue', { QueueName: 'lab' });
  ok('sqs', 'CreateQueue', { QueueName: 'lab.fifo', Attributes: { FifoQueue: 'true' } });
  ok('sqs', 'SendMessage', { QueueUrl: QUEUE_URL, MessageBody: 'lab' });
  const received = ok('sqs', 'ReceiveMessage', { QueueUrl: QUEUE_URL });
  const message = (received.Messages as JsonObject[] | undefined)?.[0];
  ok('sns', 'CreateTopic', { Name: 'lab' });
  ok('sns', 'CreateTopic', { Name: 'lab.fifo', Attributes: { FifoTopic: 'true' } });
  const sub = ok('sns', 'Subscribe', { TopicArn: TOPIC_ARN, Protocol: 'sqs', Endpoint: QUEUE_ARN });
  ok('dynamodb', 'CreateTable', {
    TableName: 'lab',
    KeySchema: VALUES['dynamodb.KeySchema'] ?? [],
    AttributeDefinitions: [
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'n', AttributeType: 'N' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: VALUES['dynamodb.StreamSpecification'] ?? {},
    GlobalSecondaryIndexes: [
      {
        IndexName: 'lab',
        KeySchema: [{ AttributeName: 'n', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  });
  ok('dynamodb', 'PutItem', { TableName: 'lab', Item: ITEM });
  ok('kinesis', 'CreateStream', { StreamName: 'lab', ShardCount: 1 });
  const esm = ok('lambda', 'CreateEventSourceMapping', { FunctionName: 'lab', EventSourceArn: QUEUE_ARN });
  const rest = ok('apigateway', 'CreateRestApi', { name: 'lab' });
  const restApiId = rest.id ?? '';
  const resources = ok('apigateway', 'GetResources', { restApiId });
  const root = (resources.items as JsonObject[] | undefined)?.[0]?.id ?? '';
  ok('apigateway', 'PutMethod', {
    restApiId,
    resourceId: root,
    httpMethod: 'GET',
    authorizationType: 'NONE',
  });
  const deployment = ok('apigateway', 'CreateDeployment', { restApiId });
  const ws = ok('apigatewayv2', 'CreateApi', {
    Name: 'lab',
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
  });
  const ApiId = String(ws.ApiId);
  const integration = ok('apigatewayv2', 'CreateIntegration', {
    ApiId,
    IntegrationType: 'AWS_PROXY',
    IntegrationUri: FN_ARN,
  });
  ok('apigatewayv2', 'CreateStage', { ApiId, StageName: 'lab' });
  const connection = lab.services.websocket.connect(ApiId, 'lab');
  lab.run();
  ok('events', 'PutRule', { Name: 'lab', ScheduleExpression: 'rate(5 minutes)' });
  ok('secretsmanager', 'CreateSecret', { Name: 'lab', SecretString: 'lab' });
  ok('ssm', 'PutParameter', { Name: 'lab', Value: 'lab', Type: 'String' });
  return world(
    lab,
    {
      ConnectionId: connection.id,
      Target: `integrations/${String(integration.IntegrationId)}`,
      ReceiptHandle: message?.ReceiptHandle ?? 'lab',
      SubscriptionArn: sub.SubscriptionArn ?? '',
      UUID: esm.UUID ?? '',
      restApiId,
      parentId: root,
      resourceId: root,
      deploymentId: deployment.id ?? '',
      ApiId,
      $endpoint: `https://${ApiId}.execute-api.us-east-1.amazonaws.com/lab`,
      SecretId: 'lab',
    },
    variant,
  );
}
