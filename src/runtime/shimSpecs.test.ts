/** The boto3 shim is generated from the operation model, and in real Python it offers exactly the model. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_MODEL, buildModel, TABLE_RESOURCE } from '../sim/services/model/operationModel';
import { createNodeRuntime, type NodeRuntime } from './node/nodeRuntime';
import { renderShimSpecs, SHIM_SPECS_PATH } from './shimSpecs';

/** Asks the shim itself, in Pyodide, what it supports. */
const INTROSPECT = `
import boto3
from boto3.dynamodb.table import Table


def lambda_handler(event, context):
    session = boto3.session.Session(region_name="us-east-1")
    services = session.get_available_services()
    operations = {}
    classes = {}
    for service in services:
        client = session.client(service)
        classes[service] = repr(client).split(" object")[0]
        operations[service] = {
            method: {name: [kind, required] for name, (kind, required) in client._ops[op].items()}
            for method, op in client._by_method.items()
        }
    table = sorted(name for name in dir(Table) if not name.startswith("_"))
    return {"services": services, "operations": operations, "classes": classes, "table": table}
`;

type Introspection = {
  services: string[];
  operations: Record<string, Record<string, Record<string, [string, boolean]>>>;
  classes: Record<string, string>;
  table: string[];
};

describe('lab_specs.py is generated from the model', () => {
  it('matches a fresh rendering (run `node scripts/genShimSpecs.mjs` after editing awsModel.ts)', () => {
    expect(readFileSync(SHIM_SPECS_PATH, 'utf8')).toBe(renderShimSpecs());
  });

  it('would differ after a change to the model', () => {
    const changed = buildModel({ s3: { id: 'S3', operations: { PutObject: 'Bucket:s! Key:s! Color:s~' } } });
    expect(renderShimSpecs(changed)).not.toBe(readFileSync(SHIM_SPECS_PATH, 'utf8'));
    expect(renderShimSpecs(changed)).toContain('"PutObject": "Bucket:s! Key:s! Color:s"');
  });
});

describe('the shim in real Python offers exactly the model', () => {
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

  it('accepts the services the model lists, under their botocore class names', () => {
    expect(shim.services).toEqual(AWS_MODEL.map((s) => s.name).sort());
    for (const s of AWS_MODEL) expect(shim.classes[s.name]).toBe(`<botocore.client.${s.id}`);
  });

  it("gives each client the model's methods, members, types and required flags", () => {
    for (const s of AWS_MODEL) {
      const fromModel = Object.fromEntries(
        s.operations.map((o) => [
          o.method,
          Object.fromEntries(o.params.map((p) => [p.name, [p.type, p.required]])),
        ]),
      );
      expect(shim.operations[s.name], s.name).toEqual(fromModel);
    }
  });

  it('has the DynamoDB Table resource members the model lists', () => {
    expect(shim.table).toEqual([...TABLE_RESOURCE.methods, ...TABLE_RESOURCE.properties].sort());
  });
});
