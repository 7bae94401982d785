/**
 * THE operation model of the lab's simulated AWS: every service boto3.client() accepts, its operations and
 * their top-level parameters. The Python shim is generated from it (scripts/genShimSpecs.mjs writes
 * runtime/py/shim/botocore/lab_specs.py), the editor's completions read it, and operationDrift.test.ts
 * checks the TS services against it. Edit here, then run `node scripts/genShimSpecs.mjs`.
 *
 * A parameter is `Name:type`; `!` marks it required, `~` one that boto3 accepts and the lab ignores.
 * Types: s string, i integer, n float, B boolean, b blob, l list, m map, S structure, t timestamp,
 * x string or structure.
 */
import type { AwsModelSource } from './operationModel';

export const AWS_MODEL_SOURCE = {
  s3: {
    id: 'S3',
    streaming: { GetObject: 'Body' },
    operations: {
      CreateBucket: 'Bucket:s! ACL:s~ CreateBucketConfiguration:S~',
      DeleteBucket: 'Bucket:s! ExpectedBucketOwner:s~',
      HeadBucket: 'Bucket:s! ExpectedBucketOwner:s~',
      ListBuckets: 'MaxBuckets:i~ ContinuationToken:s~ Prefix:s~',
      PutObject:
        'Bucket:s! Key:s! Body:b ContentType:s Metadata:m ContentLength:i~ ContentMD5:s~ CacheControl:s~ ACL:s~ ServerSideEncryption:s~ StorageClass:s~ Tagging:s~',
      GetObject: 'Bucket:s! Key:s! Range:s~ VersionId:s~ IfMatch:s~ IfNoneMatch:s~ ResponseContentType:s~',
      HeadObject: 'Bucket:s! Key:s! VersionId:s~ IfMatch:s~ IfNoneMatch:s~',
      DeleteObject: 'Bucket:s! Key:s! VersionId:s~',
      CopyObject: 'Bucket:s! Key:s! CopySource:x! Metadata:m~ MetadataDirective:s~ ContentType:s~',
      ListObjectsV2:
        'Bucket:s! Prefix:s Delimiter:s~ MaxKeys:i ContinuationToken:s StartAfter:s FetchOwner:B~ EncodingType:s~',
      PutBucketNotificationConfiguration:
        'Bucket:s! NotificationConfiguration:S! SkipDestinationValidation:B~',
      GetBucketNotificationConfiguration: 'Bucket:s!',
    },
  },
  sqs: {
    id: 'SQS',
    operations: {
      CreateQueue: 'QueueName:s! Attributes:m tags:m~',
      GetQueueUrl: 'QueueName:s! QueueOwnerAWSAccountId:s~',
      ListQueues: 'QueueNamePrefix:s NextToken:s~ MaxResults:i~',
      DeleteQueue: 'QueueUrl:s!',
      GetQueueAttributes: 'QueueUrl:s! AttributeNames:l',
      SetQueueAttributes: 'QueueUrl:s! Attributes:m!',
      SendMessage:
        'QueueUrl:s! MessageBody:s! DelaySeconds:i MessageAttributes:m MessageSystemAttributes:m~ MessageDeduplicationId:s MessageGroupId:s',
      SendMessageBatch: 'QueueUrl:s! Entries:l!',
      ReceiveMessage:
        'QueueUrl:s! AttributeNames:l MessageSystemAttributeNames:l MessageAttributeNames:l MaxNumberOfMessages:i VisibilityTimeout:i WaitTimeSeconds:i~ ReceiveRequestAttemptId:s~',
      DeleteMessage: 'QueueUrl:s! ReceiptHandle:s!',
      DeleteMessageBatch: 'QueueUrl:s! Entries:l!',
      ChangeMessageVisibility: 'QueueUrl:s! ReceiptHandle:s! VisibilityTimeout:i!',
      PurgeQueue: 'QueueUrl:s!',
    },
  },
  sns: {
    id: 'SNS',
    operations: {
      CreateTopic: 'Name:s! Attributes:m Tags:l~',
      ListTopics: 'NextToken:s~',
      Subscribe: 'TopicArn:s! Protocol:s! Endpoint:s Attributes:m ReturnSubscriptionArn:B~',
      SetSubscriptionAttributes: 'SubscriptionArn:s! AttributeName:s! AttributeValue:s',
      Unsubscribe: 'SubscriptionArn:s!',
      ListSubscriptionsByTopic: 'TopicArn:s! NextToken:s~',
      Publish:
        'TopicArn:s TargetArn:s~ PhoneNumber:s~ Message:s! Subject:s MessageStructure:s~ MessageAttributes:m MessageDeduplicationId:s MessageGroupId:s',
    },
  },
  dynamodb: {
    id: 'DynamoDB',
    table: {
      methods: [
        'put_item',
        'get_item',
        'update_item',
        'delete_item',
        'query',
        'scan',
        'batch_writer',
        'load',
      ],
      properties: [
        'key_schema',
        'item_count',
        'attribute_definitions',
        'table_arn',
        'table_status',
        'global_secondary_indexes',
        'local_secondary_indexes',
      ],
    },
    operations: {
      CreateTable:
        'TableName:s! KeySchema:l! AttributeDefinitions:l! BillingMode:s~ ProvisionedThroughput:S~ StreamSpecification:S GlobalSecondaryIndexes:l LocalSecondaryIndexes:l Tags:l~',
      DescribeTable: 'TableName:s!',
      DeleteTable: 'TableName:s!',
      ListTables: 'ExclusiveStartTableName:s~ Limit:i~',
      PutItem:
        'TableName:s! Item:m! ConditionExpression:s ExpressionAttributeNames:m ExpressionAttributeValues:m ReturnValues:s ReturnConsumedCapacity:s~',
      GetItem:
        'TableName:s! Key:m! ProjectionExpression:s ExpressionAttributeNames:m ConsistentRead:B~ ReturnConsumedCapacity:s~',
      UpdateItem:
        'TableName:s! Key:m! UpdateExpression:s ConditionExpression:s ExpressionAttributeNames:m ExpressionAttributeValues:m ReturnValues:s ReturnConsumedCapacity:s~',
      DeleteItem:
        'TableName:s! Key:m! ConditionExpression:s ExpressionAttributeNames:m ExpressionAttributeValues:m ReturnValues:s ReturnConsumedCapacity:s~',
      Query:
        'TableName:s! IndexName:s KeyConditionExpression:s FilterExpression:s ProjectionExpression:s ExpressionAttributeNames:m ExpressionAttributeValues:m ScanIndexForward:B Limit:i ExclusiveStartKey:m Select:s ConsistentRead:B ReturnConsumedCapacity:s~',
      Scan: 'TableName:s! IndexName:s FilterExpression:s ProjectionExpression:s ExpressionAttributeNames:m ExpressionAttributeValues:m Limit:i ExclusiveStartKey:m Select:s ConsistentRead:B Segment:i~ TotalSegments:i~ ReturnConsumedCapacity:s~',
      BatchWriteItem: 'RequestItems:m! ReturnConsumedCapacity:s~',
    },
  },
  dynamodbstreams: {
    id: 'DynamoDBStreams',
    operations: {
      ListStreams: 'TableName:s Limit:i~ ExclusiveStartStreamArn:s~',
    },
  },
  kinesis: {
    id: 'Kinesis',
    operations: {
      CreateStream: 'StreamName:s! ShardCount:i StreamModeDetails:S~',
      DescribeStreamSummary: 'StreamName:s StreamARN:s',
      ListShards: 'StreamName:s StreamARN:s NextToken:s~ MaxResults:i~',
      PutRecord:
        'StreamName:s StreamARN:s Data:b! PartitionKey:s! ExplicitHashKey:s~ SequenceNumberForOrdering:s~',
      PutRecords: 'StreamName:s StreamARN:s Records:l!',
    },
  },
  lambda: {
    id: 'Lambda',
    streaming: { Invoke: 'Payload' },
    operations: {
      Invoke: 'FunctionName:s! InvocationType:s LogType:s~ ClientContext:s~ Payload:b Qualifier:s',
      AddPermission:
        'FunctionName:s! StatementId:s! Action:s! Principal:s! SourceArn:s SourceAccount:s EventSourceToken:s~ Qualifier:s RevisionId:s~ PrincipalOrgID:s~ FunctionUrlAuthType:s~',
      RemovePermission: 'FunctionName:s! StatementId:s! Qualifier:s RevisionId:s~',
      GetPolicy: 'FunctionName:s! Qualifier:s',
      GetFunctionConfiguration: 'FunctionName:s! Qualifier:s',
      PublishVersion: 'FunctionName:s! CodeSha256:s~ Description:s~ RevisionId:s~',
      CreateAlias: 'FunctionName:s! Name:s! FunctionVersion:s! Description:s~ RoutingConfig:S',
      UpdateAlias: 'FunctionName:s! Name:s! FunctionVersion:s Description:s~ RoutingConfig:S RevisionId:s~',
      GetAlias: 'FunctionName:s! Name:s!',
      ListAliases: 'FunctionName:s! FunctionVersion:s Marker:s MaxItems:i',
      ListVersionsByFunction: 'FunctionName:s! Marker:s MaxItems:i',
      CreateFunctionUrlConfig: 'FunctionName:s! Qualifier:s AuthType:s! Cors:S~ InvokeMode:s~',
      GetFunctionUrlConfig: 'FunctionName:s! Qualifier:s',
      UpdateFunctionUrlConfig: 'FunctionName:s! Qualifier:s AuthType:s Cors:S~ InvokeMode:s~',
      DeleteFunctionUrlConfig: 'FunctionName:s! Qualifier:s',
      DeleteAlias: 'FunctionName:s! Name:s!',
      CreateEventSourceMapping:
        'EventSourceArn:s FunctionName:s! Enabled:B BatchSize:i MaximumBatchingWindowInSeconds:i StartingPosition:s StartingPositionTimestamp:t~ DestinationConfig:S MaximumRecordAgeInSeconds:i BisectBatchOnFunctionError:B MaximumRetryAttempts:i ParallelizationFactor:i~ FunctionResponseTypes:l ScalingConfig:S FilterCriteria:S TumblingWindowInSeconds:i~',
      GetEventSourceMapping: 'UUID:s!',
      DeleteEventSourceMapping: 'UUID:s!',
      ListEventSourceMappings: 'EventSourceArn:s FunctionName:s Marker:s~ MaxItems:i~',
      UpdateEventSourceMapping:
        'UUID:s! FunctionName:s Enabled:B BatchSize:i MaximumBatchingWindowInSeconds:i FilterCriteria:S FunctionResponseTypes:l ScalingConfig:S MaximumRetryAttempts:i MaximumRecordAgeInSeconds:i BisectBatchOnFunctionError:B DestinationConfig:S ParallelizationFactor:i~ TumblingWindowInSeconds:i~',
    },
  },
  iam: {
    id: 'IAM',
    operations: {
      CreateRole:
        'RoleName:s! AssumeRolePolicyDocument:s! Path:s~ Description:s~ MaxSessionDuration:i~ PermissionsBoundary:s~ Tags:l~',
      GetRole: 'RoleName:s!',
      UpdateAssumeRolePolicy: 'RoleName:s! PolicyDocument:s!',
      PutRolePolicy: 'RoleName:s! PolicyName:s! PolicyDocument:s!',
      GetRolePolicy: 'RoleName:s! PolicyName:s!',
      DeleteRolePolicy: 'RoleName:s! PolicyName:s!',
      AttachRolePolicy: 'RoleName:s! PolicyArn:s!',
      DetachRolePolicy: 'RoleName:s! PolicyArn:s!',
      ListAttachedRolePolicies: 'RoleName:s! PathPrefix:s~ Marker:s~ MaxItems:i~',
      ListRolePolicies: 'RoleName:s! Marker:s~ MaxItems:i~',
    },
  },
  sts: {
    id: 'STS',
    operations: {
      GetCallerIdentity: '',
    },
  },
  secretsmanager: {
    id: 'SecretsManager',
    operations: {
      CreateSecret:
        'Name:s! SecretString:s SecretBinary:b~ Description:s~ KmsKeyId:s~ Tags:l~ ClientRequestToken:s~',
      PutSecretValue: 'SecretId:s! SecretString:s SecretBinary:b~ ClientRequestToken:s~ VersionStages:l~',
      GetSecretValue: 'SecretId:s! VersionId:s~ VersionStage:s~',
    },
  },
  ssm: {
    id: 'SSM',
    operations: {
      PutParameter: 'Name:s! Value:s! Type:s Overwrite:B Description:s~ KeyId:s~ Tier:s~ DataType:s~ Tags:l~',
      GetParameter: 'Name:s! WithDecryption:B',
      GetParameters: 'Names:l! WithDecryption:B',
    },
  },
  apigateway: {
    id: 'APIGateway',
    operations: {
      CreateRestApi: 'name:s! description:s~ endpointConfiguration:S~',
      GetResources: 'restApiId:s! position:s~ limit:i~ embed:l~',
      CreateResource: 'restApiId:s! parentId:s! pathPart:s!',
      PutMethod:
        'restApiId:s! resourceId:s! httpMethod:s! authorizationType:s! apiKeyRequired:B~ requestParameters:m~ operationName:s~',
      PutIntegration:
        'restApiId:s! resourceId:s! httpMethod:s! type:s! integrationHttpMethod:s~ uri:s timeoutInMillis:i',
      CreateDeployment: 'restApiId:s! stageName:s stageDescription:s~ description:s~ variables:m',
      CreateStage: 'restApiId:s! stageName:s! deploymentId:s! description:s~ variables:m',
    },
  },
  apigatewayv2: {
    id: 'ApiGatewayV2',
    operations: {
      CreateApi:
        'Name:s! ProtocolType:s! RouteSelectionExpression:s Description:s~ ApiKeySelectionExpression:s~ Tags:m~',
      CreateIntegration:
        'ApiId:s! IntegrationType:s! IntegrationUri:s IntegrationMethod:s~ PayloadFormatVersion:s~ TimeoutInMillis:i~',
      CreateRoute:
        'ApiId:s! RouteKey:s! Target:s RouteResponseSelectionExpression:s AuthorizationType:s~ OperationName:s~',
      CreateStage: 'ApiId:s! StageName:s! AutoDeploy:B~ Description:s~ DeploymentId:s~',
      GetRoutes: 'ApiId:s! MaxResults:s~ NextToken:s~',
    },
  },
  apigatewaymanagementapi: {
    id: 'ApiGatewayManagementApi',
    endpoint: true,
    operations: {
      PostToConnection: 'ConnectionId:s! Data:b!',
      GetConnection: 'ConnectionId:s!',
      DeleteConnection: 'ConnectionId:s!',
    },
  },
  events: {
    id: 'EventBridge',
    operations: {
      PutRule:
        'Name:s! ScheduleExpression:s EventPattern:s State:s Description:s~ RoleArn:s~ EventBusName:s Tags:l~',
      PutTargets: 'Rule:s! Targets:l! EventBusName:s~',
      PutEvents: 'Entries:l! EndpointId:s~',
      DeleteRule: 'Name:s! EventBusName:s~ Force:B~',
      DisableRule: 'Name:s! EventBusName:s~',
      EnableRule: 'Name:s! EventBusName:s~',
      ListRules: 'NamePrefix:s~ EventBusName:s~ NextToken:s~ Limit:i~',
    },
  },
} satisfies AwsModelSource;
