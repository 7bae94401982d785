import { describe, expect, it } from 'vitest';
import type { InitRequest } from './runtimePort';
import { createTestWorld } from './testWorld';
import { eventsNamed } from './trace';

const SNAP = { functionName: 's', runtime: 'python3.12', snapStart: { applyOn: 'PublishedVersions' } };

/** A world whose scripted runtime remembers every Init request it got. */
function snapWorld(init: (r: InitRequest) => { cpuMs?: number } = () => ({ cpuMs: 5 })) {
  const inits: InitRequest[] = [];
  const t = createTestWorld(
    {},
    {
      init: (request) => {
        inits.push(request);
        return init(request);
      },
    },
  ).createFunction(SNAP);
  return { t, inits };
}

describe('SnapStart: the snapshot is taken at PublishVersion', () => {
  it('runs Init once at publish in an environment that serves nothing, and the version is Pending until then', () => {
    const { t, inits } = snapWorld();
    t.do((w) => w.publishVersion('s')).advanceBy(0);
    expect(inits).toHaveLength(1);
    expect(inits[0]!.env.snapStart).toEqual({ seed: expect.any(Number), restore: false });
    expect(inits[0]!.env.environment.AWS_LAMBDA_INITIALIZATION_TYPE).toBe('snap-start');
    t.invoke({ functionName: 's', qualifier: '1' }).expectError(
      'ResourceConflictException',
      'The function is currently in the following state: Pending',
    );
    t.advanceBy(1000);
    expect(eventsNamed(t.world.trace.events, 'lambda.version.snapshot')).toMatchObject([
      { functionName: 's', version: '1', state: 'Active' },
    ]);
    // The snapshot's environment leaves once the snapshot exists; its Init is in the version's logs.
    expect(t.world.envs()).toHaveLength(0);
    const lines = t.logMessages('s');
    expect(lines[0]).toMatch(/^INIT_START Runtime Version: python:3\.12\.v40\t/);
    expect(lines[1]).toMatch(/^INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: success$/);
    t.invoke({ functionName: 's', qualifier: '1' }).expectOk();
  });

  it('restores every cold start of the version with the snapshot seed, and reports the hooks as restore time', () => {
    const { t, inits } = snapWorld((r) => ({ cpuMs: r.env.snapStart?.restore ? 7 : 300 }));
    t.do((w) => w.publishVersion('s')).advanceBy(1000);
    // Two requests at once: two environments, both restored.
    t.invoke({ functionName: 's', qualifier: '1' }, 'a').invoke({ functionName: 's', qualifier: '1' }, 'b');
    t.advanceBy(5000);
    const seeds = inits.map((r) => r.env.snapStart);
    expect(seeds.map((s) => s?.restore)).toEqual([false, true, true]);
    expect(new Set(seeds.map((s) => s?.seed)).size).toBe(1);
    const modules = eventsNamed(t.world.trace.events, 'lambda.env.init.span').filter(
      (s) => s.part === 'module',
    );
    expect(modules.map((m) => [m.model, m.durationMs])).toEqual([
      ['measured.initCpuUnthrottled', 300],
      ['measured.afterRestoreHooks', 7],
      ['measured.afterRestoreHooks', 7],
    ]);
    const reports = t.logMessages('s').filter((l) => l.startsWith('REPORT'));
    expect(reports).toHaveLength(2);
    for (const r of reports) {
      expect(r).toMatch(/\tRestore Duration: 127\.\d\d ms\tBilled Restore Duration: 12[78] ms\t$/);
      expect(r).not.toContain('Init Duration');
    }
    // $LATEST stays on-demand.
    t.invoke({ functionName: 's' }).advanceBy(1000);
    expect(inits.at(-1)!.env.snapStart).toBeUndefined();
  });

  it('writes the restore as platform.restoreStart and platform.restoreReport in the JSON log format', () => {
    const t = createTestWorld({}, { init: { cpuMs: 0 } }).createFunction({
      ...SNAP,
      loggingConfig: { logFormat: 'JSON' },
    });
    t.do((w) => w.publishVersion('s')).advanceBy(1000);
    t.invoke({ functionName: 's', qualifier: '1' }).advanceBy(1000);
    const types = t.logMessages('s').map((l) => JSON.parse(l).type);
    expect(types).toEqual([
      'platform.initStart',
      'platform.initReport',
      'platform.restoreStart',
      'platform.restoreReport',
      'platform.start',
      'platform.runtimeDone',
      'platform.report',
    ]);
    const report = JSON.parse(t.logMessages('s')[3]!);
    expect(report.record).toEqual({ status: 'success', metrics: { durationMs: 120 } });
    expect(JSON.parse(t.logMessages('s')[6]!).record.metrics.restoreDurationMs).toBe(120);
  });

  it('a snapshot Init that fails leaves the version Failed, and invokes are refused', () => {
    const { t } = snapWorld(() => ({}));
    t.runtime.setScript({
      init: {
        outcome: {
          status: 'error',
          error: { errorMessage: 'boom', errorType: 'Exception', requestId: '', stackTrace: [] },
        },
      },
    });
    t.do((w) => w.publishVersion('s')).advanceBy(1000);
    expect(eventsNamed(t.world.trace.events, 'lambda.version.snapshot')[0]?.state).toBe('Failed');
    t.invoke({ functionName: 's', qualifier: '1' }).expectError(
      'ResourceConflictException',
      'following state: Failed',
    );
  });

  it('bills caching (at least 3 hours) and each restore at modeled prices, marked approximate', () => {
    const { t } = snapWorld();
    t.do((w) => w.publishVersion('s')).advanceBy(1000);
    const cachedOnly = t.world.bill();
    // 128 MB for the 3-hour minimum: 10,800 s x 0.125 GB x $0.0000015046.
    expect(cachedOnly.snapStartCostUsd).toBeCloseTo(10_800 * 0.125 * 0.0000015046, 12);
    expect(cachedOnly.approximate).toBe(true);
    t.invoke({ functionName: 's', qualifier: '1' }).advanceBy(1000);
    const restores = eventsNamed(t.world.trace.events, 'billing.snapstart.restore');
    expect(restores).toHaveLength(1);
    expect(restores[0]!.costUsd).toBeCloseTo(0.125 * 0.0001397998, 12);
    expect(t.world.bill().snapStartCostUsd - cachedOnly.snapStartCostUsd).toBeCloseTo(
      restores[0]!.costUsd,
      12,
    );
    // Deleting the version stops the cache; its minimum stays billed.
    t.do((w) => w.deleteFunction('s', '1')).advanceBy(4 * 3_600_000);
    expect(t.world.bill().snapStartCostUsd).toBeCloseTo(
      cachedOnly.snapStartCostUsd + restores[0]!.costUsd,
      12,
    );
  });

  it('refuses provisioned concurrency on a SnapStart version', () => {
    const { t } = snapWorld();
    t.do((w) => w.publishVersion('s')).advanceBy(1000);
    t.do((w) => w.putProvisionedConcurrencyConfig('s', '1', 1)).expectError(
      'InvalidParameterValueException',
      'not supported for SnapStart',
    );
  });
});
