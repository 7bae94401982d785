/** ListVersionsByFunction and ListAliases through boto3 with real Python, and a SnapStart version's state. */
import { afterAll, describe, expect, it } from 'vitest';
import { LAB_ROLE_ARN } from '../labWorld';
import { createPythonServiceHost } from '../testing/pythonServiceFixture';

const host = createPythonServiceHost();
afterAll(() => host.close());

const RELEASE = [
  'import boto3',
  'lam = boto3.client("lambda")',
  '',
  'def lambda_handler(event, context):',
  '    v = lam.publish_version(FunctionName="shop")',
  '    lam.create_alias(FunctionName="shop", Name=event["alias"], FunctionVersion=v["Version"])',
  '    return {"version": v["Version"], "state": v["State"], "snap": v["SnapStart"]}',
  '',
].join('\n');

const INVENTORY = [
  'import boto3',
  'lam = boto3.client("lambda")',
  '',
  'def lambda_handler(event, context):',
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

const SHOP = 'def lambda_handler(event, context):\n    return context.function_version\n';

describe('versions and aliases through boto3', () => {
  it('lists versions ($LATEST first, paged by Marker) and aliases (all, or those on one version)', async () => {
    const s = host.fresh(82);
    const shop = await s.runner.command((w) =>
      w.createFunction({
        functionName: 'shop',
        role: LAB_ROLE_ARN,
        runtime: 'python3.13',
        handler: 'lambda_function.lambda_handler',
        snapStart: { applyOn: 'PublishedVersions' },
        code: { files: { 'lambda_function.py': SHOP } },
      }),
    );
    expect(shop.ok).toBe(true);
    await s.addFunction('release', RELEASE);
    await s.addFunction('inventory', INVENTORY);
    const release = async (alias: string, edit: string) => {
      await s.runner.command((w) =>
        w.updateFunctionCode('shop', { files: { 'lambda_function.py': SHOP + edit } }),
      );
      const r = (await s.invoke('release', { alias })) as { version: string; state: string };
      // Published versions take their snapshot before they serve.
      await s.runner.advanceBy(2000);
      return r;
    };
    // A SnapStart version is Pending while its snapshot is taken, as PublishVersion answers on Lambda.
    expect(await release('live', '')).toEqual({
      version: '1',
      state: 'Pending',
      snap: { ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' },
    });
    expect((await release('beta', '# 2\n')).version).toBe('2');
    expect((await release('canary', '# 3\n')).version).toBe('3');

    expect(await s.invoke('inventory')).toEqual({
      versions: [
        ['$LATEST', 'Active'],
        ['1', 'Active'],
        ['2', 'Active'],
        ['3', 'Active'],
      ],
      aliases: [
        ['beta', '2'],
        ['canary', '3'],
        ['live', '1'],
      ],
      onTwo: ['beta'],
      missing: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope',
    });
    const served = await s.runner.invoke({ functionName: 'shop', qualifier: 'beta', payloadJson: '{}' });
    expect(served.response?.payloadJson).toBe('"2"');
  });
});
