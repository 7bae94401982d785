/** Bad input gives the AWS error a user would see, and changes nothing. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { createLab } from './labTestSupport';

const cases: [string, string, string, JsonObject, string, string][] = [
  [
    'unknown queue URL',
    'sqs',
    'SendMessage',
    { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/ghost', MessageBody: 'x' },
    'AWS.SimpleQueueService.NonExistentQueue',
    'The specified queue does not exist.',
  ],
  [
    'unknown topic ARN',
    'sns',
    'Publish',
    { TopicArn: 'arn:aws:sns:us-east-1:123456789012:ghost', Message: 'x' },
    'NotFound',
    'Topic does not exist',
  ],
  [
    'unknown table',
    'dynamodb',
    'PutItem',
    { TableName: 'ghost', Item: { id: { S: '1' } } },
    'ResourceNotFoundException',
    'Requested resource not found',
  ],
  [
    'unknown function ARN',
    'lambda',
    'Invoke',
    { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:ghost' },
    'ResourceNotFoundException',
    'Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost',
  ],
  [
    'unknown stream ARN',
    'lambda',
    'CreateEventSourceMapping',
    {
      FunctionName: 'f',
      EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/ghost',
      StartingPosition: 'LATEST',
    },
    'InvalidParameterValueException',
    'Stream not found: arn:aws:kinesis:us-east-1:123456789012:stream/ghost',
  ],
  [
    'missing required parameter',
    'sqs',
    'CreateQueue',
    {},
    'ValidationException',
    "1 validation error detected: Value null at 'QueueName' failed to satisfy constraint: Member must not be null",
  ],
  [
    'wrong key schema',
    'dynamodb',
    'GetItem',
    { TableName: 't1t', Key: { nope: { S: '1' } } },
    'ValidationException',
    'The provided key element does not match the schema',
  ],
  [
    'malformed update expression',
    'dynamodb',
    'UpdateItem',
    { TableName: 't1t', Key: { id: { S: '1' } }, UpdateExpression: 'SET = 1' },
    'ValidationException',
    'Invalid UpdateExpression: Syntax error; token: "=", near: "SET = 1"',
  ],
  [
    'undefined expression value',
    'dynamodb',
    'UpdateItem',
    { TableName: 't1t', Key: { id: { S: '1' } }, UpdateExpression: 'SET a = :x' },
    'ValidationException',
    'Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :x',
  ],
  [
    'unused expression value',
    'dynamodb',
    'PutItem',
    { TableName: 't1t', Item: { id: { S: '1' } }, ExpressionAttributeValues: { ':x': { S: 'a' } } },
    'ValidationException',
    'Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}',
  ],
  [
    'malformed trust policy',
    'iam',
    'CreateRole',
    {
      RoleName: 'bad',
      AssumeRolePolicyDocument: '{"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}',
    },
    'MalformedPolicyDocument',
    'Missing required field Principal',
  ],
  [
    'unknown secret',
    'secretsmanager',
    'GetSecretValue',
    { SecretId: 'ghost' },
    'ResourceNotFoundException',
    "Secrets Manager can't find the specified secret.",
  ],
];

describe('bad input', () => {
  it.each(cases)(
    '%s → %s.%s fails with the AWS error and leaves the world unchanged',
    (_label, service, op, params, code, message) => {
      const lab = createLab();
      lab.fn('f', lab.role('r'));
      lab.ok('dynamodb', 'CreateTable', {
        TableName: 't1t',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      });
      const before = lab.world.trace.events.filter((e) => e.name !== 'aws.call').length;
      const e = lab.error(service, op, params);
      expect(e).toMatchObject({ code, message });
      expect(lab.world.trace.events.filter((x) => x.name !== 'aws.call').length).toBe(before);
      expect(lab.ok('dynamodb', 'Scan', { TableName: 't1t' }).Count).toBe(0);
    },
  );
});
