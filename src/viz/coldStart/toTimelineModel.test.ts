import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { rowStateAt, spansInWindow, timelineFrameAt, toTimelineModel } from './toTimelineModel';

const slow = { invoke: { cpuMs: 0, sleepMs: 100 } } as const;

describe('toTimelineModel', () => {
  it('draws a cold start as modeled and measured Init parts, then the invoke, idle, a warm invoke', () => {
    const t = createTestWorld({}, { init: { cpuMs: 50 }, ...slow }).createFunction({ functionName: 'f' });
    t.invoke({ functionName: 'f' }).advanceBy(1000).invoke({ functionName: 'f' }).advanceBy(1000);
    const m = toTimelineModel(t.world.trace.events, { untilMs: t.world.now() });
    expect(m.rows).toHaveLength(1);
    const row = m.rows[0]!;
    expect(row.spans.map((s) => [s.kind, s.part])).toEqual([
      ['init-modeled', 'runtime'],
      ['init-modeled', 'package'],
      ['init-measured', 'module'],
      ['invoke', null],
      ['idle', null],
      ['invoke', null],
      ['idle', null],
    ]);
    const [runtime, , module, cold, idle, warm, openIdle] = row.spans;
    expect(runtime!.startMs).toBe(row.createdAt);
    expect(runtime!.model).toMatch(/^maxday\./);
    expect(module!.model).toBe('measured.initCpuUnthrottled');
    expect(module!.endMs - module!.startMs).toBe(50);
    expect(cold!.startMs).toBeCloseTo(module!.endMs, 6);
    expect([cold!.cold, warm!.cold]).toEqual([true, false]);
    expect(cold!.endMs - cold!.startMs).toBe(100);
    expect(idle!.startMs).toBe(cold!.endMs);
    expect(idle!.endMs).toBe(warm!.startMs);
    expect(openIdle!.open).toBe(true);
    expect(openIdle!.endMs).toBe(t.world.now());
    expect(m.summary).toMatchObject({ environments: 1, invocations: 2, coldStarts: 1, errors: 0 });
    // Cold latency counts Init: arrival at the new environment to the end of the invoke.
    expect(m.summary.coldLatency.p50).toBeCloseTo(cold!.endMs - row.createdAt, 6);
    expect(m.summary.warmLatency.p50).toBe(100);
    expect(rowStateAt(row, module!.startMs + 1)).toBe('init');
    expect(rowStateAt(row, cold!.startMs + 1)).toBe('invoke');
    expect(rowStateAt(row, idle!.startMs + 1)).toBe('idle');
    expect(rowStateAt(row, row.createdAt - 1)).toBe('not-yet');
  });

  it('opens one row per concurrent request and follows concurrency over time', () => {
    const t = createTestWorld({}, slow).createFunction({ functionName: 'f' });
    for (let i = 0; i < 3; i++) t.invoke({ functionName: 'f' });
    t.advanceBy(5000);
    const m = toTimelineModel(t.world.trace.events);
    expect(m.rows).toHaveLength(3);
    expect(m.summary.maxConcurrency).toBe(3);
    const inv = m.rows[0]!.spans.find((s) => s.kind === 'invoke')!;
    const lastEnd = Math.max(...m.rows.map((r) => r.spans.find((s) => s.kind === 'invoke')!.endMs));
    expect(timelineFrameAt(m, inv.startMs + 50).concurrency).toBe(3);
    expect(timelineFrameAt(m, lastEnd).concurrency).toBe(0);
    expect(timelineFrameAt(m, m.rows[0]!.createdAt).rowCount).toBe(3);
    expect(timelineFrameAt(m, m.rows[0]!.createdAt - 1).rowCount).toBe(0);
    expect(timelineFrameAt(m, m.endMs).latency.count).toBe(3);
    expect(timelineFrameAt(m, inv.startMs).latency.count).toBe(0);
  });

  it('marks throttles when reserved concurrency is used up', () => {
    const t = createTestWorld({}, slow).createFunction({ functionName: 'f' });
    t.do((w) => w.putFunctionConcurrency('f', 1));
    t.invoke({ functionName: 'f' }).invoke({ functionName: 'f' }).advanceBy(1000);
    const m = toTimelineModel(t.world.trace.events);
    expect(m.throttles).toHaveLength(1);
    expect(m.throttles[0]!.reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    expect(timelineFrameAt(m, m.endMs).throttleCount).toBe(1);
    expect(m.summary.throttles).toBe(1);
  });

  it('ends a reaped environment with a shutdown marker and an idle gap up to it', () => {
    const t = createTestWorld({ lifetime: { idleMinMs: 2000, idleMaxMs: 2000 } }, slow).createFunction({
      functionName: 'f',
    });
    t.invoke({ functionName: 'f' }).advanceBy(10_000);
    const row = toTimelineModel(t.world.trace.events).rows[0]!;
    const last = row.spans[row.spans.length - 1]!;
    expect(last).toMatchObject({ kind: 'shutdown', note: 'idle' });
    expect(row.goneAt).toBe(last.startMs);
    const idle = row.spans[row.spans.length - 2]!;
    expect(idle.kind).toBe('idle');
    expect(idle.endMs - idle.startMs).toBe(2000);
    expect(row.lastChangeMs).toBe(row.goneAt);
    expect(rowStateAt(row, row.goneAt! + 1)).toBe('gone');
  });

  it('draws the suppressed Init after a timeout inside the next invoke', () => {
    const t = createTestWorld({}, { invoke: [{ outcome: { status: 'timeout' } }, { sleepMs: 10 }] });
    t.createFunction({ functionName: 'f', timeout: 1 });
    t.invoke({ functionName: 'f' }).advanceBy(5000).invoke({ functionName: 'f' }).advanceBy(5000);
    const row = toTimelineModel(t.world.trace.events).rows[0]!;
    const invokes = row.spans.filter((s) => s.kind === 'invoke');
    expect(invokes.map((s) => s.status)).toEqual(['timeout', 'success']);
    const suppressed = row.spans.filter((s) => s.suppressed);
    expect(suppressed.map((s) => s.part)).toEqual(['runtime', 'module']);
    expect(suppressed[0]!.startMs).toBe(invokes[1]!.startMs);
    expect(rowStateAt(row, suppressed[1]!.startMs)).toBe('invoke');
    const win = spansInWindow(row, suppressed[1]!.endMs, suppressed[1]!.endMs);
    expect(win.map((s) => s.kind)).toContain('invoke');
  });

  it('labels provisioned environments and leaves their Init out of concurrency', () => {
    const t = createTestWorld({}, slow).createFunction({ functionName: 'f' });
    t.do((w) => w.publishVersion('f')).do((w) => w.putProvisionedConcurrencyConfig('f', '1', 2));
    t.advanceBy(2000).invoke({ functionName: 'f', qualifier: '1' }).advanceBy(2000);
    const m = toTimelineModel(t.world.trace.events);
    expect(m.rows.map((r) => r.initType)).toEqual(['provisioned-concurrency', 'provisioned-concurrency']);
    expect(m.summary.coldStarts).toBe(0);
    expect(m.summary.maxConcurrency).toBe(1);
  });

  it('ignores events it does not know (service traces still to come)', () => {
    const t = createTestWorld({}, slow).createFunction({ functionName: 'f' });
    t.invoke({ functionName: 'f' }).advanceBy(1000);
    const extra = { name: 'sqs.batch.received', t: t.world.now(), seq: 1e9, messageIds: ['a'] };
    const m = toTimelineModel([...t.world.trace.events, extra]);
    expect(m.summary.invocations).toBe(1);
  });

  it('handles an empty trace', () => {
    const m = toTimelineModel([]);
    expect(m.rows).toEqual([]);
    expect(timelineFrameAt(m, 0)).toMatchObject({ concurrency: 0, rowCount: 0, throttleCount: 0 });
  });
});

describe('a handler waiting on a synchronous invoke', () => {
  it('draws a wait band inside the caller’s invoke while the callee’s invoke runs', () => {
    let seq = 0;
    const ev = (t: number, name: string, extra: Record<string, unknown>) => ({
      t,
      name,
      seq: seq++,
      ...extra,
    });
    const events = [
      ev(0, 'lambda.env.created', {
        envId: 'a',
        functionName: 'caller',
        version: '$LATEST',
        initType: 'on-demand',
        logStreamName: 's',
      }),
      ev(0, 'lambda.env.created', {
        envId: 'b',
        functionName: 'callee',
        version: '$LATEST',
        initType: 'on-demand',
        logStreamName: 's',
      }),
      ev(10, 'lambda.invoke.start', {
        requestId: 'r1',
        functionName: 'caller',
        version: '$LATEST',
        envId: 'a',
        invocationType: 'RequestResponse',
        cold: false,
        attempt: 1,
      }),
      ev(20, 'lambda.invoke.parked', { requestId: 'r1', functionName: 'caller' }),
      ev(20, 'lambda.invoke.start', {
        requestId: 'r2',
        functionName: 'callee',
        version: '$LATEST',
        envId: 'b',
        invocationType: 'RequestResponse',
        cold: false,
        attempt: 1,
      }),
      ev(520, 'lambda.invoke.end', {
        requestId: 'r2',
        functionName: 'callee',
        envId: 'b',
        status: 'success',
        durationMs: 500,
        billedDurationMs: 500,
        initDurationMs: null,
        statusCode: 200,
        functionError: null,
        errorType: null,
        model: { workMs: 0, cpuScale: 1, waitMs: 500 },
      }),
      ev(520, 'lambda.invoke.resumed', { requestId: 'r1', functionName: 'caller' }),
      ev(530, 'lambda.invoke.end', {
        requestId: 'r1',
        functionName: 'caller',
        envId: 'a',
        status: 'success',
        durationMs: 520,
        billedDurationMs: 520,
        initDurationMs: null,
        statusCode: 200,
        functionError: null,
        errorType: null,
        model: { workMs: 0, cpuScale: 1, waitMs: 510 },
      }),
    ];
    const m = toTimelineModel(events);
    const caller = m.rows.find((r) => r.envId === 'a');
    const callee = m.rows.find((r) => r.envId === 'b');
    const wait = caller?.spans.find((s) => s.kind === 'wait');
    expect(wait).toMatchObject({ startMs: 20, endMs: 520, requestId: 'r1' });
    expect(caller?.spans.find((s) => s.kind === 'invoke')).toMatchObject({ startMs: 10, endMs: 530 });
    expect(callee?.spans.find((s) => s.kind === 'invoke')).toMatchObject({ startMs: 20, endMs: 520 });
  });
});
