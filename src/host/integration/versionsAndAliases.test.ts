/** ListVersionsByFunction and ListAliases through boto3 with real Python, and a SnapStart version's state. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import { createLabRunner } from '../labRunner';
import { createLabWorld, LAB_ROLE_ARN, type LabWorld } from '../labWorld';

let runtime: NodeRuntime;
let lab: LabWorld;

beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
});
afterAll(async () => {
  await runtime.close();
});

const OPS = [
  'import boto3',
  'lam = boto3.client("lambda")',
  '',
  'def release(event, context):',
  '    v = lam.publish_version(FunctionName="shop")',
  '    lam.create_alias(FunctionName="shop", Name=event["alias"], FunctionVersion=v["Version"])',
  '    return {"version": v["Version"], "state": v["State"], "snap": v["SnapStart"]}',
  '',
  'def inventory(event, context):',
  '    versions, marker = [], None',
  '    while True:',
  '        page = lam.list_versions_by_function(FunctionName="shop", MaxItems=2, **({"Marker": marker} if marker else {}))',
  '        versions += [(v["Version"], v["State"]) for v in page["Versions"]]',
  '        marker = page.get("NextMarker")',
  '        if not marker:',
  '            break',
  '    aliases = lam.list_aliases(FunctionName="shop")["Aliases"]',
  '    on_two = lam.list_aliases(FunctionName="shop", FunctionVersion="2")["Aliases"]',
  '    try:',
  '        lam.list_aliases(FunctionName="nope")',
  '        missing = None',
  '    except lam.exceptions.ResourceNotFoundException as error:',
  '        missing = error.response["Error"]["Message"]',
  '    return {',
  '        "versions": versions,',
  '        "aliases": [(a["Name"], a["FunctionVersion"]) for a in aliases],',
  '        "onTwo": [a["Name"] for a in on_two],',
  '        "missing": missing,',
  '    }',
  '',
].join('\n');

describe('versions and aliases through boto3', () => {
  it('lists versions ($LATEST first, paged by Marker) and aliases (all, or those on one version)', async () => {
    lab = createLabWorld({ seed: 82, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' });
    const runner = createLabRunner(lab.world, runtime);
    const create = (functionName: string, handler: string, code: string, snap = false) =>
      runner.command((w) =>
        w.createFunction({
          functionName,
          role: LAB_ROLE_ARN,
          runtime: 'python3.13',
          handler,
          timeout: 10,
          ...(snap ? { snapStart: { applyOn: 'PublishedVersions' } } : {}),
          code: { files: { 'lambda_function.py': code } },
        }),
      );
    const shop = 'def lambda_handler(event, context):\n    return context.function_version\n';
    expect((await create('shop', 'lambda_function.lambda_handler', shop, true)).ok).toBe(true);
    expect((await create('release', 'lambda_function.release', OPS)).ok).toBe(true);
    expect((await create('inventory', 'lambda_function.inventory', OPS)).ok).toBe(true);

    const release = async (alias: string) => {
      const r = await runner.invoke({ functionName: 'release', payloadJson: JSON.stringify({ alias }) });
      return JSON.parse(r.response?.payloadJson ?? 'null');
    };
    // A SnapStart version is Pending while its snapshot is taken, as PublishVersion answers on Lambda.
    expect(await release('live')).toEqual({
      version: '1',
      state: 'Pending',
      snap: { ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' },
    });
    await runner.advanceBy(2000);
    await runner.command((w) =>
      w.updateFunctionCode('shop', { files: { 'lambda_function.py': `${shop}# 2\n` } }),
    );
    expect((await release('beta')).version).toBe('2');
    await runner.advanceBy(2000);
    await runner.command((w) =>
      w.updateFunctionCode('shop', { files: { 'lambda_function.py': `${shop}# 3\n` } }),
    );
    expect((await release('canary')).version).toBe('3');
    await runner.advanceBy(2000);

    const inv = await runner.invoke({ functionName: 'inventory', payloadJson: '{}' });
    const body = JSON.parse(inv.response?.payloadJson ?? 'null');
    expect(body.versions).toEqual([
      ['$LATEST', 'Active'],
      ['1', 'Active'],
      ['2', 'Active'],
      ['3', 'Active'],
    ]);
    expect(body.aliases).toEqual([
      ['beta', '2'],
      ['canary', '3'],
      ['live', '1'],
    ]);
    expect(body.onTwo).toEqual(['beta']);
    expect(body.missing).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope');
    const served = await runner.invoke({ functionName: 'shop', qualifier: 'beta', payloadJson: '{}' });
    expect(served.response?.payloadJson).toBe('"2"');
  });
});
