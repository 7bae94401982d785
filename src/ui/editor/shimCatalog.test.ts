import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import {
  parseClassMembers,
  parseSpecs,
  SHIM_SERVICES,
  shimOperations,
  TABLE_MEMBERS,
  xformName,
} from './shimCatalog';

/** Asks the shim itself, in real Python, what it supports: the catalog must say the same. */
const INTROSPECT = `
import boto3
from boto3.dynamodb.table import Table


def lambda_handler(event, context):
    session = boto3.session.Session(region_name="us-east-1")
    services = session.get_available_services()
    operations = {}
    for service in services:
        client = session.client(service)
        operations[service] = {
            method: {name: [kind, required] for name, (kind, required) in client._ops[op].items()}
            for method, op in client._by_method.items()
        }
    table = sorted(name for name in dir(Table) if not name.startswith("_"))
    return {"services": services, "operations": operations, "table": table}
`;

type Introspection = {
  services: string[];
  operations: Record<string, Record<string, Record<string, [string, boolean]>>>;
  table: string[];
};

let runtime: NodeRuntime;
let shim: Introspection;

beforeAll(async () => {
  runtime = createNodeRuntime();
  const result = await runtime.quickRun({
    files: { 'lambda_function.py': INTROSPECT },
    handler: 'lambda_function.lambda_handler',
    eventJson: '{}',
  });
  if (!result.ok) throw new Error(`introspection failed: ${result.payloadJson}`);
  shim = JSON.parse(result.payloadJson) as Introspection;
});

afterAll(async () => {
  await runtime.close();
});

describe('the completion catalog is what the shim supports (no drift)', () => {
  it('lists the services boto3.client() accepts', () => {
    expect([...SHIM_SERVICES].sort()).toEqual([...shim.services].sort());
  });

  it("lists every service's client methods with their parameters and which are required", () => {
    for (const service of shim.services) {
      const fromCatalog = Object.fromEntries(
        shimOperations(service).map((op) => [
          op.method,
          Object.fromEntries(op.params.map((p) => [p.name, p.required])),
        ]),
      );
      const fromPython = Object.fromEntries(
        Object.entries(shim.operations[service] ?? {}).map(([method, params]) => [
          method,
          Object.fromEntries(Object.entries(params).map(([name, [, required]]) => [name, required])),
        ]),
      );
      expect(fromCatalog, service).toEqual(fromPython);
    }
  });

  it('lists the DynamoDB Table resource methods', () => {
    expect([...TABLE_MEMBERS].sort()).toEqual(shim.table);
  });
});

describe('reading the sources', () => {
  it("converts names with botocore's rule", () => {
    expect(xformName('PutObject')).toBe('put_object');
    expect(xformName('ListObjectsV2')).toBe('list_objects_v2');
    expect(xformName('GetQueueUrl')).toBe('get_queue_url');
    expect(xformName('CreateRestApi')).toBe('create_rest_api');
  });

  it('refuses a spec format it does not understand instead of dropping operations', () => {
    expect(() => parseSpecs('_SPECS = {\n    "s3": {"PutObject": "Bucket:q!"},\n}\n')).toThrow(
      /unknown type letter/,
    );
    expect(() => parseSpecs('nothing here')).toThrow(/_SPECS not found/);
    expect(() => parseClassMembers('class A:\n    pass\n', 'Table')).toThrow(/not found/);
  });
});
