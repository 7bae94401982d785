/** SnapStart with real Python: restored environments share what Init drew, and the runtime hooks run. */
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

const CODE = [
  'import random',
  'from snapshot_restore_py import register_before_snapshot, register_after_restore',
  '',
  'SEED = random.random()',
  'HOOKS = []',
  '',
  '@register_before_snapshot',
  'def before():',
  '    HOOKS.append("before_snapshot")',
  '',
  '@register_after_restore',
  'def after():',
  '    HOOKS.append("after_restore")',
  '',
  'def lambda_handler(event, context):',
  '    return {"seed": SEED, "hooks": HOOKS}',
  '',
].join('\n');

describe('SnapStart on Python', () => {
  it('restores every environment of a version from one snapshot: same Init randomness, hooks, RESTORE lines', async () => {
    lab = createLabWorld({ seed: 91, startTimeMs: Date.UTC(2026, 10, 26), access: 'basic' });
    const runner = createLabRunner(lab.world, runtime);
    const created = await runner.command((w) =>
      w.createFunction({
        functionName: 'snappy',
        role: LAB_ROLE_ARN,
        runtime: 'python3.13',
        handler: 'lambda_function.lambda_handler',
        snapStart: { applyOn: 'PublishedVersions' },
        code: { files: { 'lambda_function.py': CODE } },
      }),
    );
    expect(created.ok).toBe(true);
    expect((await runner.command((w) => w.publishVersion('snappy'))).ok).toBe(true);
    // Three requests at once need three environments, each restored from the snapshot.
    const restored = await runner.invokeAll(
      [1, 2, 3].map(() => ({ functionName: 'snappy', qualifier: '1', payloadJson: '{}' })),
    );
    const bodies = restored.map((r) => JSON.parse(r.response?.payloadJson ?? '{}'));
    expect(new Set(bodies.map((b) => b.seed)).size).toBe(1);
    const hooks = bodies.map((b) => b.hooks.join(','));
    expect(hooks.sort()).toEqual(['after_restore', 'after_restore', 'before_snapshot,after_restore']);
    const lines = lab.world.logs.events('/aws/lambda/snappy').map((e) => e.message);
    expect(lines.filter((l) => l.startsWith('RESTORE_START'))).toHaveLength(3);
    expect(lines.filter((l) => /^RESTORE_REPORT Restore Duration: [\d.]+ ms$/.test(l))).toHaveLength(3);
    const reports = lines.filter((l) => l.startsWith('REPORT'));
    for (const r of reports) {
      expect(r).toMatch(/\tRestore Duration: [\d.]+ ms\tBilled Restore Duration: \d+ ms\t$/);
      expect(r).not.toContain('Init Duration');
    }

    // $LATEST is not SnapStart: each environment runs Init itself and draws its own seed.
    const onDemand = await runner.invokeAll(
      [1, 2].map(() => ({ functionName: 'snappy', payloadJson: '{}' })),
    );
    const seeds = onDemand.map((r) => JSON.parse(r.response?.payloadJson ?? '{}').seed);
    expect(seeds[0]).not.toBe(seeds[1]);
    expect(seeds).not.toContain(bodies[0].seed);
  });
});
