import { describe, expect, it } from 'vitest';
import { s3Record } from './events/s3Event';
import { createLab, recordingScript } from './labTestSupport';

function setup() {
  const rec = recordingScript();
  const lab = createLab(rec.script);
  const role = lab.role('thumb-role', ['AWSLambdaBasicExecutionRole'], {
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::*' }],
  });
  lab.fn('thumbs', role);
  lab.ok('s3', 'CreateBucket', { Bucket: 'uploads' });
  return { lab, log: rec.log };
}

const lambdaConfig = (extra: Record<string, unknown> = {}) => ({
  Bucket: 'uploads',
  NotificationConfiguration: {
    LambdaFunctionConfigurations: [
      {
        Id: 'thumbs-on-jpg',
        LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:thumbs',
        Events: ['s3:ObjectCreated:*'],
        Filter: {
          Key: {
            FilterRules: [
              { Name: 'prefix', Value: 'in/' },
              { Name: 'suffix', Value: '.jpg' },
            ],
          },
        },
        ...extra,
      },
    ],
  },
});

describe('S3 event notifications', () => {
  it("refuses a Lambda destination without the function's resource-based permission", () => {
    const { lab } = setup();
    const e = lab.error('s3', 'PutBucketNotificationConfiguration', lambdaConfig());
    expect(e).toMatchObject({
      code: 'InvalidArgument',
      message: 'Unable to validate the following destination configurations',
    });
    expect(lab.ok('s3', 'GetBucketNotificationConfiguration', { Bucket: 'uploads' })).toEqual({});
  });

  it('invokes asynchronously with the exact event shape, URL-encoded key, filtered by prefix and suffix', () => {
    const { lab, log } = setup();
    lab.ok('lambda', 'AddPermission', {
      FunctionName: 'thumbs',
      StatementId: 's3',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::uploads',
    });
    lab.ok('s3', 'PutBucketNotificationConfiguration', lambdaConfig());
    lab.ok('s3', 'PutObject', { Bucket: 'uploads', Key: 'in/hello world.jpg', Body: 'abc' });
    lab.ok('s3', 'PutObject', { Bucket: 'uploads', Key: 'in/skip.png', Body: 'x' });
    lab.ok('s3', 'PutObject', { Bucket: 'uploads', Key: 'out/skip.jpg', Body: 'x' });
    lab.run();
    expect(log).toHaveLength(1);
    const rec = (log[0]!.event.Records as Record<string, unknown>[])[0]!;
    const shape = s3Record();
    expect(Object.keys(rec)).toEqual(Object.keys(shape));
    const s3 = rec.s3 as {
      object: Record<string, unknown>;
      bucket: Record<string, unknown>;
      configurationId: string;
    };
    expect(s3.object).toMatchObject({
      key: 'in/hello+world.jpg',
      size: 3,
      eTag: '900150983cd24fb0d6963f7d28e17f72',
    });
    expect(Object.keys(s3.object)).toEqual(['key', 'size', 'eTag', 'sequencer']);
    expect(s3.bucket).toMatchObject({ name: 'uploads', arn: 'arn:aws:s3:::uploads' });
    expect(s3.configurationId).toBe('thumbs-on-jpg');
    expect(rec).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      awsRegion: 'us-east-1',
      eventVersion: '2.1',
    });
    expect(
      lab.world.trace.events.some((e) => e.name === 'lambda.invoke.start' && e.invocationType === 'Event'),
    ).toBe(true);
  });

  it('sends ObjectRemoved:Delete with only key and sequencer', () => {
    const { lab, log } = setup();
    lab.ok('lambda', 'AddPermission', {
      FunctionName: 'thumbs',
      StatementId: 's3',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
    });
    lab.ok('s3', 'PutBucketNotificationConfiguration', lambdaConfig({ Events: ['s3:ObjectRemoved:*'] }));
    lab.ok('s3', 'PutObject', { Bucket: 'uploads', Key: 'in/a.jpg', Body: 'x' });
    lab.ok('s3', 'DeleteObject', { Bucket: 'uploads', Key: 'in/a.jpg' });
    lab.run();
    expect(log).toHaveLength(1);
    const rec = (log[0]!.event.Records as { eventName: string; s3: { object: object } }[])[0]!;
    expect(rec.eventName).toBe('ObjectRemoved:Delete');
    expect(Object.keys(rec.s3.object)).toEqual(['key', 'sequencer']);
  });

  it('stops a function that writes back into its trigger bucket (recursive loop detection)', () => {
    const { lab, log } = setup();
    lab.ok('lambda', 'AddPermission', {
      FunctionName: 'thumbs',
      StatementId: 's3',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::uploads',
    });
    lab.ok('s3', 'PutBucketNotificationConfiguration', lambdaConfig({ Filter: undefined }));
    // Each invocation writes a new object into the same bucket, as a buggy thumbnailer would.
    lab.runtime.setScript({
      invoke: (req) => {
        log.push({ functionName: 'thumbs', event: JSON.parse(req.eventJson) });
        if (log.length > 40) throw new Error('loop was not stopped');
        const caller = { functionName: 'thumbs', functionVersion: '$LATEST', requestId: req.requestId };
        lab.call('s3', 'PutObject', { Bucket: 'uploads', Key: `in/${log.length}.jpg`, Body: 'x' }, caller);
        return {};
      },
    });
    lab.ok('s3', 'PutObject', { Bucket: 'uploads', Key: 'in/first.jpg', Body: 'x' });
    lab.run();
    const stopped = lab.world.trace.events.filter((e) => e.name === 'lambda.recursion.stopped');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatchObject({ functionName: 'thumbs', source: 's3:uploads', depth: 17 });
    expect(log).toHaveLength(16);
  });

  it("refuses bad input with S3's errors and no state change", () => {
    const { lab } = setup();
    expect(lab.error('s3', 'PutObject', { Bucket: 'nope', Key: 'k' })).toMatchObject({
      code: 'NoSuchBucket',
      httpStatus: 404,
    });
    expect(lab.error('s3', 'CreateBucket', { Bucket: 'Bad_Name' }).code).toBe('InvalidBucketName');
    expect(lab.error('s3', 'CreateBucket', { Bucket: 'uploads' }).code).toBe('BucketAlreadyOwnedByYou');
    expect(lab.services.s3.bucketNames()).toEqual(['uploads']);
  });
});
