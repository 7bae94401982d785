/** Sample events compared field by field with shared/reference/lambda-facts.md §4. */
import { describe, expect, it } from 'vitest';
import {
  apiGatewayV1Event,
  apiGatewayV2Event,
  ddbStreamEvent,
  encodeS3Key,
  kinesisEvent,
  s3DeleteEvent,
  s3PutEvent,
  scheduledEvent,
  snsEvent,
  sqsEvent,
} from './index';

type Obj = Record<string, unknown>;
const first = (e: Obj): Obj => (e.Records as Obj[])[0]!;

describe('sample events (facts §4, SAM defaults)', () => {
  it('§4.1 API Gateway REST proxy v1.0', () => {
    const e = apiGatewayV1Event();
    expect(Object.keys(e).sort()).toEqual(
      [
        'body',
        'resource',
        'path',
        'httpMethod',
        'isBase64Encoded',
        'queryStringParameters',
        'multiValueQueryStringParameters',
        'pathParameters',
        'stageVariables',
        'headers',
        'multiValueHeaders',
        'requestContext',
      ].sort(),
    );
    const ctx = e.requestContext as Obj;
    expect(Object.keys(ctx)).toEqual([
      'accountId',
      'resourceId',
      'stage',
      'requestId',
      'requestTime',
      'requestTimeEpoch',
      'identity',
      'path',
      'resourcePath',
      'httpMethod',
      'apiId',
      'protocol',
    ]);
    expect(Object.keys(ctx.identity as Obj)).toEqual([
      'cognitoIdentityPoolId',
      'accountId',
      'cognitoIdentityId',
      'caller',
      'accessKey',
      'sourceIp',
      'cognitoAuthenticationType',
      'cognitoAuthenticationProvider',
      'userArn',
      'userAgent',
      'user',
    ]);
    expect(e).toMatchObject({
      resource: '/{proxy+}',
      path: '/path/to/resource',
      isBase64Encoded: true,
      pathParameters: { proxy: '/path/to/resource' },
    });
    expect(ctx).toMatchObject({
      accountId: '123456789012',
      stage: 'prod',
      requestTime: '09/Apr/2015:12:34:56 +0000',
      path: '/prod/path/to/resource',
      protocol: 'HTTP/1.1',
    });
    expect(atob(String(e.body))).toBe('{"test":"body"}');
    expect((e.headers as Obj).Host).toBe('1234567890.execute-api.us-east-1.amazonaws.com');
    const bare = apiGatewayV1Event({
      method: 'GET',
      path: '/',
      body: null,
      query: {},
      pathParameters: null,
      stageVariables: null,
    });
    expect(bare).toMatchObject({
      body: null,
      isBase64Encoded: false,
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      stageVariables: null,
    });
  });

  it('§4.2 HTTP API v2.0', () => {
    const e = apiGatewayV2Event();
    expect(Object.keys(e)).toEqual([
      'version',
      'routeKey',
      'rawPath',
      'rawQueryString',
      'cookies',
      'headers',
      'queryStringParameters',
      'requestContext',
      'body',
      'pathParameters',
      'isBase64Encoded',
      'stageVariables',
    ]);
    expect(e).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
      queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
    });
    expect(e.headers).toEqual({ header1: 'value1', header2: 'value1,value2' });
    const ctx = e.requestContext as Obj;
    expect(Object.keys(ctx)).toEqual([
      'accountId',
      'apiId',
      'domainName',
      'domainPrefix',
      'http',
      'requestId',
      'routeKey',
      'stage',
      'time',
      'timeEpoch',
    ]);
    expect(Object.keys(ctx.http as Obj)).toEqual(['method', 'path', 'protocol', 'sourceIp', 'userAgent']);
    expect(ctx).toMatchObject({
      domainName: 'api-id.execute-api.us-east-1.amazonaws.com',
      stage: '$default',
      time: '12/Mar/2020:19:03:58 +0000',
    });
    expect(JSON.stringify(e)).not.toContain('multiValue');
  });

  it('§4.3 S3 put and delete', () => {
    const put = first(s3PutEvent());
    expect(Object.keys(put)).toEqual([
      'eventVersion',
      'eventSource',
      'awsRegion',
      'eventTime',
      'eventName',
      'userIdentity',
      'requestParameters',
      'responseElements',
      's3',
    ]);
    expect(put).toMatchObject({
      eventVersion: '2.0',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventName: 'ObjectCreated:Put',
    });
    const s3 = put.s3 as Obj;
    expect(Object.keys(s3)).toEqual(['s3SchemaVersion', 'configurationId', 'bucket', 'object']);
    expect(s3.bucket).toEqual({
      name: 'example-bucket',
      ownerIdentity: { principalId: 'EXAMPLE' },
      arn: 'arn:aws:s3:::example-bucket',
    });
    expect(Object.keys(s3.object as Obj)).toEqual(['key', 'size', 'eTag', 'sequencer']);
    expect(String((s3.object as Obj).eTag)).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(put.responseElements as Obj)).toEqual(['x-amz-request-id', 'x-amz-id-2']);
    const del = first(s3DeleteEvent());
    expect(del.eventName).toBe('ObjectRemoved:Delete');
    expect(Object.keys((del.s3 as Obj).object as Obj)).toEqual(['key', 'sequencer']);
    expect(encodeS3Key('hello world.jpg')).toBe('hello+world.jpg');
    expect(encodeS3Key('a/b c:d.jpg')).toBe('a/b+c%3Ad.jpg');
  });

  it('§4.4 SQS', () => {
    const r = first(sqsEvent());
    expect(Object.keys(r)).toEqual([
      'messageId',
      'receiptHandle',
      'body',
      'attributes',
      'messageAttributes',
      'md5OfBody',
      'eventSource',
      'eventSourceARN',
      'awsRegion',
    ]);
    expect(Object.values(r.attributes as Obj).every((v) => typeof v === 'string')).toBe(true);
    expect(r).toMatchObject({
      body: 'Hello from SQS!',
      md5OfBody: '7b270e59b47ff90a553787216d55d91d',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:MyQueue',
    });
    const fifo = first(
      sqsEvent([{ fifo: { sequenceNumber: '1', messageGroupId: 'g', deduplicationId: 'd' } }]),
    );
    expect(fifo.attributes).toMatchObject({
      SequenceNumber: '1',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'd',
    });
  });

  it('§4.5 SNS', () => {
    const r = first(snsEvent());
    expect(Object.keys(r)).toEqual(['EventSource', 'EventVersion', 'EventSubscriptionArn', 'Sns']);
    expect(Object.keys(r.Sns as Obj).sort()).toEqual(
      [
        'Type',
        'MessageId',
        'TopicArn',
        'Subject',
        'Message',
        'Timestamp',
        'SignatureVersion',
        'Signature',
        'SigningCertUrl',
        'UnsubscribeUrl',
        'MessageAttributes',
      ].sort(),
    );
    expect(r).toMatchObject({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      Sns: { Type: 'Notification', SignatureVersion: '1', Timestamp: '2019-01-02T12:45:07.000Z' },
    });
    expect(String(r.EventSubscriptionArn)).toMatch(
      /^arn:aws:sns:us-east-1:123456789012:sns-lambda:[0-9a-f-]{36}$/,
    );
  });

  it('§4.6 DynamoDB stream: INSERT has NewImage, MODIFY both, REMOVE OldImage', () => {
    const recs = (ddbStreamEvent().Records as Obj[]).map((r) => r.dynamodb as Obj);
    expect((ddbStreamEvent().Records as Obj[]).map((r) => r.eventName)).toEqual([
      'INSERT',
      'MODIFY',
      'REMOVE',
    ]);
    expect(recs.map((d) => ['NewImage' in d, 'OldImage' in d])).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
    const r = (ddbStreamEvent().Records as Obj[])[0]!;
    expect(Object.keys(r)).toEqual([
      'eventID',
      'eventName',
      'eventVersion',
      'eventSource',
      'awsRegion',
      'dynamodb',
      'eventSourceARN',
    ]);
    expect(r).toMatchObject({
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      eventSourceARN:
        'arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899',
    });
    expect(recs[0]).toMatchObject({
      Keys: { Id: { N: '101' } },
      SequenceNumber: '111',
      SizeBytes: 26,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });

  it('§4.7 EventBridge scheduled event', () => {
    const e = scheduledEvent();
    expect(Object.keys(e)).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
    expect(e).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      region: 'us-east-1',
      detail: {},
    });
    expect(String(e.time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('§4.8 Kinesis', () => {
    const r = first(kinesisEvent());
    expect(Object.keys(r)).toEqual([
      'kinesis',
      'eventSource',
      'eventVersion',
      'eventID',
      'eventName',
      'invokeIdentityArn',
      'awsRegion',
      'eventSourceARN',
    ]);
    expect(Object.keys(r.kinesis as Obj)).toEqual([
      'kinesisSchemaVersion',
      'partitionKey',
      'sequenceNumber',
      'data',
      'approximateArrivalTimestamp',
    ]);
    const k = r.kinesis as Obj;
    expect(atob(String(k.data))).toBe('Hello, this is a test 123.');
    expect(String(k.sequenceNumber)).toMatch(/^\d{56}$/);
    expect(r).toMatchObject({
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventName: 'aws:kinesis:record',
      eventID: `shardId-000000000006:${k.sequenceNumber}`,
    });
  });
});
