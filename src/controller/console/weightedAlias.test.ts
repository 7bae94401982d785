/** A weighted alias (canary) with real Python: set up through boto3, and the executed version shows everywhere. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabRunner } from '../../host/labRunner';
import { createLabWorld, LAB_ROLE_ARN, type LabWorld } from '../../host/labWorld';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import { metricsView } from '../readModels/worldMetrics';

let runtime: NodeRuntime;
let lab: LabWorld;

beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
});
afterAll(async () => {
  await runtime.close();
});

const handler = (label: string) =>
  `def lambda_handler(event, context):\n    return {"label": "${label}", "version": context.function_version}\n`;

// The release tooling, as a function: publish what is deployed and shift 10% of "live" to it.
const OPS = [
  'import boto3',
  'lam = boto3.client("lambda")',
  '',
  'def lambda_handler(event, context):',
  '    v1 = lam.publish_version(FunctionName="shop")["Version"]',
  '    lam.create_alias(FunctionName="shop", Name="live", FunctionVersion=v1)',
  '    return v1',
  '',
  'def canary(event, context):',
  '    v2 = lam.publish_version(FunctionName="shop")["Version"]',
  '    lam.update_alias(FunctionName="shop", Name="live", RoutingConfig={"AdditionalVersionWeights": {v2: 0.1}})',
  '    return lam.get_alias(FunctionName="shop", Name="live")',
  '',
].join('\n');

describe('a weighted alias', () => {
  it('sends about 10% of requests to the new version, and ExecutedVersion shows in responses, logs and metrics', async () => {
    lab = createLabWorld({ seed: 81, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' });
    const runner = createLabRunner(lab.world, runtime);
    const create = (functionName: string, code: string, handlerName = 'lambda_function.lambda_handler') =>
      runner.command((w) =>
        w.createFunction({
          functionName,
          role: LAB_ROLE_ARN,
          runtime: 'python3.13',
          handler: handlerName,
          timeout: 10,
          code: { files: { 'lambda_function.py': code } },
        }),
      );
    expect((await create('shop', handler('old'))).ok).toBe(true);
    expect((await create('ops', OPS)).ok).toBe(true);
    expect((await create('ops-canary', OPS, 'lambda_function.canary')).ok).toBe(true);
    const first = await runner.invoke({ functionName: 'ops', payloadJson: '{}' });
    expect(first.response?.payloadJson).toBe('"1"');
    expect(
      (
        await runner.command((w) =>
          w.updateFunctionCode('shop', { files: { 'lambda_function.py': handler('new') } }),
        )
      ).ok,
    ).toBe(true);
    const second = await runner.invoke({ functionName: 'ops-canary', payloadJson: '{}' });
    const alias = JSON.parse(second.response?.payloadJson ?? '');
    expect(alias.FunctionVersion).toBe('1');
    expect(alias.RoutingConfig).toEqual({ AdditionalVersionWeights: { '2': 0.1 } });
    expect(alias.AliasArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:shop:live');

    const runs = await runner.invokeAll(
      Array.from({ length: 100 }, () => ({ functionName: 'shop', qualifier: 'live', payloadJson: '{}' })),
    );
    const executed = runs.map((r) => r.response?.executedVersion);
    const toNew = executed.filter((v) => v === '2').length;
    // The draw is seeded: 10% of 100 give or take the binomial spread, never all or none.
    expect(toNew).toBeGreaterThan(2);
    expect(toNew).toBeLessThan(25);
    expect(executed.filter((v) => v === '1')).toHaveLength(100 - toNew);
    for (const r of runs) {
      const body = JSON.parse(r.response?.payloadJson ?? '');
      expect(body.version).toBe(r.response?.executedVersion);
      expect(body.label).toBe(body.version === '2' ? 'new' : 'old');
    }
    const starts = lab.world.logs
      .events('/aws/lambda/shop')
      .map((e) => e.message)
      .filter((m) => m.startsWith('START'));
    expect(starts.filter((m) => m.endsWith('Version: 2'))).toHaveLength(toNew);
    const metrics = metricsView(lab.world.trace.events, { functionName: 'shop', nowMs: lab.world.now() });
    expect(metrics.byExecutedVersion).toEqual({ '1': 100 - toNew, '2': toNew });
  });

  it('refuses a weight outside 0-1 with a ValidationException', async () => {
    lab = createLabWorld({ seed: 82, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' });
    lab.world.createFunction({
      functionName: 'shop',
      role: LAB_ROLE_ARN,
      runtime: 'python3.13',
      handler: 'lambda_function.lambda_handler',
      code: { files: { 'lambda_function.py': handler('x') } },
    });
    lab.world.publishVersion('shop');
    const answer = lab.consoleCall('lambda', 'CreateAlias', {
      FunctionName: 'shop',
      Name: 'live',
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: { '1': 1.5 } },
    });
    expect(answer.kind).toBe('error');
    if (answer.kind === 'error') expect(answer.error.code).toBe('ValidationException');
  });
});
