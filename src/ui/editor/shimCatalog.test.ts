/** The completion catalog is a view of the operation model (the Python shim's agreement is runtime/shimSpecs.test.ts). */
import { describe, expect, it } from 'vitest';
import { AWS_MODEL } from '../../sim/services/model/operationModel';
import { SHIM_SERVICES, shimOperations, signature, TABLE_MEMBERS, TABLE_PROPERTIES } from './shimCatalog';

describe('the completion catalog', () => {
  it('lists every service and operation of the model, with its parameters', () => {
    expect(SHIM_SERVICES).toEqual(AWS_MODEL.map((s) => s.name));
    for (const service of AWS_MODEL)
      expect(shimOperations(service.name).map((o) => [o.operation, o.params.map((p) => p.name)])).toEqual(
        service.operations.map((o) => [o.name, o.params.map((p) => p.name)]),
      );
  });

  it('words types and required members as the shim validates them, and marks what the lab ignores', () => {
    const put = shimOperations('s3').find((o) => o.method === 'put_object');
    expect(put?.params.find((p) => p.name === 'Bucket')).toEqual({
      name: 'Bucket',
      types: ['str'],
      required: true,
      simulated: true,
    });
    expect(put?.params.find((p) => p.name === 'ACL')?.simulated).toBe(false);
    expect(put?.params.find((p) => p.name === 'Body')?.types).toEqual([
      'bytes',
      'bytearray',
      'file-like object',
    ]);
    expect(signature(put!)).toMatch(/^put_object\(Bucket, Key, Body=…, ContentType=…/);
    expect(shimOperations('ec2')).toEqual([]);
  });

  it('lists the DynamoDB Table resource members, properties apart', () => {
    expect(TABLE_MEMBERS).toContain('put_item');
    expect(TABLE_MEMBERS).toContain('batch_writer');
    expect(TABLE_PROPERTIES.has('item_count')).toBe(true);
    expect(TABLE_PROPERTIES.has('query')).toBe(false);
  });
});
