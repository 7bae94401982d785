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

/** A fresh lab world with Python 3.13 functions (name, code, SnapStart on published versions). */
async function labWith(seed: number, functions: readonly (readonly [string, string, boolean])[]) {
  lab = createLabWorld({ seed, startTimeMs: Date.UTC(2026, 10, 26), access: 'basic' });
  const runner = createLabRunner(lab.world, runtime);
  for (const [functionName, code, snap] of functions) {
    const created = await runner.command((w) =>
      w.createFunction({
        functionName,
        role: LAB_ROLE_ARN,
        runtime: 'python3.13',
        handler: 'lambda_function.lambda_handler',
        ...(snap ? { snapStart: { applyOn: 'PublishedVersions' } } : {}),
        code: { files: { 'lambda_function.py': code } },
      }),
    );
    expect(created.ok).toBe(true);
  }
  return runner;
}

describe('SnapStart on Python', () => {
  it('snapshots at publish; every restored environment starts from it: same Init randomness, hooks, RESTORE lines', async () => {
    const runner = await labWith(91, [['snappy', CODE, true]]);
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

  it('shares values Init took from the OS (uuid4, secrets, SystemRandom) across restores, not after Init', async () => {
    const runner = await labWith(92, [
      ['unique', UNIQUE_CODE, true],
      ['plain', UNIQUE_CODE, false],
      ['broken', 'import uuid\nID = uuid.uuid4()\nraise RuntimeError("Init fails")\n', true],
    ]);
    expect((await runner.command((w) => w.publishVersion('unique'))).ok).toBe(true);
    // A snapshot Init that fails half-way leaves no snapshot source behind for others ('plain' below).
    expect((await runner.command((w) => w.publishVersion('broken'))).ok).toBe(true);
    await runner.advanceBy(5000);
    const printed = lab.world.logs
      .events('/aws/lambda/unique')
      .map((e) => e.message)
      .find((l) => l.startsWith('init id '))
      ?.trim();

    const twoOf = async (functionName: string, qualifier?: string) => {
      const params = { functionName, payloadJson: '{}', ...(qualifier ? { qualifier } : {}) };
      const outcomes = await runner.invokeAll([params, params]);
      return outcomes.map((r) => JSON.parse(r.response?.payloadJson ?? '{}'));
    };
    const [a, b] = await twoOf('unique', '1');
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.token).toMatch(/^[0-9a-f]{16}$/);
    expect(a.hook).toMatch(/^[0-9a-f-]{36}$/);
    // Taken in Init: the snapshot's values, in every environment restored from it.
    expect(printed).toBe(`init id ${a.id}`);
    for (const key of ['id', 'token', 'system', 'unseeded']) expect(b[key]).toBe(a[key]);
    // Taken after Init (handler, after-restore hook, a copy of os.urandom kept from Init): each its own.
    for (const key of ['fresh', 'hook', 'kept']) expect(b[key]).not.toBe(a[key]);
    // After Init the module attributes are the originals again, not wrappers.
    expect(a.sources).toEqual(['urandom', 'urandom', 'Random.seed', 'Random.seed']);

    const [c, d] = await twoOf('plain');
    for (const key of ['id', 'token', 'system', 'unseeded', 'fresh']) expect(d[key]).not.toBe(c[key]);
    expect(c.id).not.toBe(a.id);
    expect(c.sources).toEqual(a.sources);
  });
});

const UNIQUE_CODE = [
  'import os',
  'import random',
  'import secrets',
  'import uuid',
  'from os import urandom as KEPT',
  'from snapshot_restore_py import register_after_restore',
  '',
  'ID = str(uuid.uuid4())',
  'TOKEN = secrets.token_hex(8)',
  'SYSTEM = random.SystemRandom().random()',
  'UNSEEDED = random.Random().random()',
  'HOOK = []',
  'print("init id " + ID)',
  '',
  '@register_after_restore',
  'def after():',
  '    HOOK.append(str(uuid.uuid4()))',
  '',
  'def lambda_handler(event, context):',
  '    return {"id": ID, "token": TOKEN, "system": SYSTEM, "unseeded": UNSEEDED,',
  '            "fresh": str(uuid.uuid4()), "hook": HOOK[0] if HOOK else None, "kept": KEPT(8).hex(),',
  '            "sources": [f.__qualname__ for f in (os.urandom, random._urandom, random.Random.seed, random.seed)]}',
  '',
].join('\n');
