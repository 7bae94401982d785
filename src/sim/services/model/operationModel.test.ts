/** Reading the operation model: members parse strictly, names follow botocore's rule. */
import { describe, expect, it } from 'vitest';
import { AWS_MODEL, buildModel, parseMembers, xformName } from './operationModel';

describe('the operation model', () => {
  it('reads type, required and ignored from each member', () => {
    expect(parseMembers('s3.PutObject', 'Bucket:s! Body:b ACL:s~')).toEqual([
      { name: 'Bucket', type: 's', required: true, simulated: true },
      { name: 'Body', type: 'b', required: false, simulated: true },
      { name: 'ACL', type: 's', required: false, simulated: false },
    ]);
    expect(parseMembers('sts.GetCallerIdentity', '')).toEqual([]);
  });

  it('refuses a member it cannot read instead of dropping it', () => {
    expect(() => parseMembers('s3.PutObject', 'Bucket:q!')).toThrow(
      's3.PutObject: cannot read member "Bucket:q!"',
    );
    expect(() => parseMembers('s3.PutObject', 'Bucket')).toThrow(/cannot read member "Bucket"/);
    expect(() => parseMembers('s3.PutObject', 'Key:s Key:s!')).toThrow(
      's3.PutObject: member Key is listed twice',
    );
  });

  it('gives each operation its client method and streaming output', () => {
    const [s3] = buildModel({
      s3: { id: 'S3', streaming: { GetObject: 'Body' }, operations: { GetObject: 'Bucket:s!' } },
    });
    expect(s3?.operations[0]).toMatchObject({ name: 'GetObject', method: 'get_object', streaming: 'Body' });
    expect(
      AWS_MODEL.find((s) => s.name === 'lambda')?.operations.find((o) => o.name === 'Invoke')?.streaming,
    ).toBe('Payload');
  });

  it("converts names with botocore's rule", () => {
    expect(xformName('PutObject')).toBe('put_object');
    expect(xformName('ListObjectsV2')).toBe('list_objects_v2');
    expect(xformName('GetQueueUrl')).toBe('get_queue_url');
    expect(xformName('CreateRestApi')).toBe('create_rest_api');
  });
});
