/** SnapStart with real Python: the snapshot is taken at publish, restores share what Init drew, hooks run. */
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
  'import time',
  'from snapshot_restore_py import register_before_snapshot, register_after_restore',
  '',
  'print("module code runs")',
  'time.sleep(2)  # a slow Init: 2 s of virtual time',
  'SEED = random.random()',
  'HOOKS = []',
  '',
  '@register_before_snapshot',
  'def before():',
  '    print("before snapshot")',
  '    HOOKS.append("before_snapshot")',
  '',
  '@register_after_restore',
  'def after():',
  '    print("after restore")',
  '    HOOKS.append("after_restore")',
  '',
  'def lambda_handler(event, context):',
  '    return {"seed": SEED, "hooks": HOOKS, "draw": random.random()}',
  '',
].join('\n');

describe('SnapStart on Python', () => {
  it('snapshots at publish; every restored environment starts from it: same Init randomness, hooks, RESTORE lines', async () => {
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
    // Pending while the snapshot's Init (2 s of sleep) runs.
    const early = await runner.invoke({ functionName: 'snappy', qualifier: '1', payloadJson: '{}' });
    expect(early.accepted.ok ? null : early.accepted.error.name).toBe('ResourceConflictException');
    await runner.advanceBy(5000);
    const publishLog = lab.world.logs.events('/aws/lambda/snappy').map((e) => e.message);
    expect(publishLog[0]).toMatch(/^INIT_START /);
    expect(publishLog.filter((l) => /module code runs|before snapshot/.test(l))).toHaveLength(2);
    expect(publishLog.some((l) => l.includes('after restore'))).toBe(false);
    expect(publishLog.at(-1)).toMatch(
      /^INIT_REPORT Init Duration: 2\d{3}\.\d\d ms\tPhase: init\tStatus: success$/,
    );

    // Three requests at once need three environments, each restored from the snapshot.
    const restored = await runner.invokeAll(
      [1, 2, 3].map(() => ({ functionName: 'snappy', qualifier: '1', payloadJson: '{}' })),
    );
    const bodies = restored.map((r) => JSON.parse(r.response?.payloadJson ?? '{}'));
    expect(new Set(bodies.map((b) => b.seed)).size).toBe(1);
    // The snapshot holds what the before-snapshot hook did; each restore adds its after-restore hook.
    for (const b of bodies) expect(b.hooks).toEqual(['before_snapshot', 'after_restore']);
    const lines = lab.world.logs
      .events('/aws/lambda/snappy')
      .map((e) => e.message)
      .slice(publishLog.length);
    // A restore replays Init silently: only the after-restore hook prints.
    expect(lines.filter((l) => l.includes('module code runs') || l.includes('before snapshot'))).toEqual([]);
    expect(lines.filter((l) => l.includes('after restore'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('RESTORE_START'))).toHaveLength(3);
    const restores = lines.filter((l) => l.startsWith('RESTORE_REPORT'));
    expect(restores).toHaveLength(3);
    for (const r of restores) {
      // The modeled restore (about 120 ms) and the hook, not the 2 s of Init.
      const ms = Number(/Restore Duration: ([\d.]+) ms$/.exec(r)?.[1]);
      expect(ms).toBeGreaterThan(100);
      expect(ms).toBeLessThan(1000);
    }
    const reports = lines.filter((l) => l.startsWith('REPORT'));
    expect(reports).toHaveLength(3);
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
