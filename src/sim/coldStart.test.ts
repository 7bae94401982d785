import { describe, expect, it } from 'vitest';
import { cpuScaleFor } from './coldStart';
import { createTestWorld, DEFAULT_ROLE } from './testWorld';
import { eventsNamed } from './trace';

function initSpans(setup: (t: ReturnType<typeof createTestWorld>) => void) {
  const t = createTestWorld();
  setup(t);
  t.advanceBy(30_000);
  return eventsNamed(t.world.trace.events, 'lambda.env.init.span');
}

describe('cold-start model', () => {
  it('maps memory to CPU: 1,769 MB is one vCPU, and one Python thread gains nothing beyond', () => {
    expect(cpuScaleFor(1769)).toBe(1);
    expect(cpuScaleFor(10_240)).toBe(1);
    expect(cpuScaleFor(128)).toBeCloseTo(13.82, 2);
  });

  it('draws the runtime part from the maxday range of the runtime and architecture', () => {
    for (const [runtime, arch, lo, hi] of [
      ['python3.12', 'x86_64', 81, 85],
      ['python3.14', 'arm64', 94, 100],
      ['java21', 'arm64', 245, 277],
      ['nodejs22.x', 'x86_64', 131, 147],
    ] as const) {
      const spans = initSpans((t) =>
        t
          .createFunction({ functionName: 'f', runtime, architectures: [arch], handler: 'index.handler' })
          .invoke({ functionName: 'f' }),
      );
      const part = spans.find((s) => s.part === 'runtime')!;
      expect(part.model).toBe(`maxday.${runtime}.${arch}`);
      expect(part.durationMs).toBeGreaterThanOrEqual(lo);
      expect(part.durationMs).toBeLessThanOrEqual(hi);
    }
  });

  it('adds package size, layers and VPC as separate modeled spans, laid end to end', () => {
    const spans = initSpans((t) => {
      const layer = t.world.publishLayerVersion({
        layerName: 'deps',
        files: {},
        unzippedSizeBytes: 20 * 1024 * 1024,
      });
      if (!layer.ok) throw new Error('layer');
      t.createFunction({
        functionName: 'f',
        code: { files: {}, unzippedSizeBytes: 30 * 1024 * 1024 },
        layers: [layer.value.layerVersionArn],
        vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
      }).invoke({ functionName: 'f' });
    });
    expect(spans.map((s) => [s.part, s.model])).toEqual([
      ['runtime', 'maxday.python3.13.x86_64'],
      ['package', 'lab.packageSizeLinear'],
      ['layers', 'lab.perLayer'],
      ['vpc', 'lab.vpcAttach'],
      ['module', 'measured.initCpuUnthrottled'],
    ]);
    expect(spans[1]!.durationMs).toBe(300);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]!.startMs).toBeCloseTo(spans[i - 1]!.startMs + spans[i - 1]!.durationMs, 6);
    }
  });

  it('replaces Init with a SnapStart restore on published versions and reports Restore Duration', () => {
    const t = createTestWorld()
      .createFunction({
        functionName: 's',
        runtime: 'python3.12',
        snapStart: { applyOn: 'PublishedVersions' },
      })
      .do((w) => w.publishVersion('s'))
      .script({ init: { cpuMs: 0 } })
      .advanceBy(1000)
      .invoke({ functionName: 's', qualifier: '1' })
      .advanceBy(5000);
    const spans = eventsNamed(t.world.trace.events, 'lambda.env.init.span');
    // The snapshot's Init at publish is a full one; the cold start restores instead.
    expect(spans.map((s) => s.part)).toEqual(['runtime', 'package', 'module', 'restore', 'module']);
    const lines = t.logMessages('s').filter((l) => !l.startsWith('INIT_'));
    expect(lines[0]).toMatch(/^RESTORE_START Runtime Version: python:3\.12\.v40\tRuntime Version ARN: /);
    expect(lines[1]).toMatch(/^RESTORE_REPORT Restore Duration: 120\.\d\d ms$/);
    const report = lines.find((l) => l.startsWith('REPORT'))!;
    expect(report).toMatch(/\tRestore Duration: 120\.\d\d ms\tBilled Restore Duration: 12\d ms\t$/);
    expect(report).not.toContain('Init Duration');
    expect(t.world.envs()[0]?.initType).toBe('snap-start');
  });

  it('module code time comes from the runtime report, not scaled by memory during Init', () => {
    const t = createTestWorld({}, { init: { cpuMs: 200, sleepMs: 50 } });
    t.world.createFunction({
      functionName: 'f',
      role: DEFAULT_ROLE,
      runtime: 'python3.13',
      handler: 'a.b',
      memorySize: 128,
      code: { files: {} },
    });
    t.invoke({ functionName: 'f' }).advanceBy(5000);
    const module = eventsNamed(t.world.trace.events, 'lambda.env.init.span').find(
      (s) => s.part === 'module',
    )!;
    expect(module.durationMs).toBe(250);
  });
});
