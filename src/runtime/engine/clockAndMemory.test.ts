import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../sim/runtimePort';
import type { Engine } from './engine';
import { handlerCode, initRequest, invokeRequest, loadEngine, spec, T0 } from './testSupport';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

function run(
  source: string,
  overrides: Parameters<typeof spec>[0] extends infer S ? Partial<S> : never = {},
) {
  const env = spec({ code: handlerCode(source), ...overrides });
  const init = engine.init(initRequest(env));
  expect(init.outcome.status, JSON.stringify(init)).toBe('success');
  const request = invokeRequest(env);
  return { env, request, init, report: engine.invoke(request) };
}

function response(report: RunReport): unknown {
  if (report.outcome.status !== 'success')
    throw new Error(`not a success: ${JSON.stringify(report.outcome)}`);
  return JSON.parse(report.outcome.responseJson);
}

describe('virtual time', () => {
  it('time.time, datetime and sleep follow the virtual clock without blocking', () => {
    const source = `
import time, datetime
def lambda_handler(event, context):
    t0, m0, before = time.time(), time.monotonic(), context.get_remaining_time_in_millis()
    time.sleep(1.5)
    return {
        "t0": t0, "slept": time.time() - t0, "mono": time.monotonic() - m0,
        "now": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "utcnow": datetime.datetime.utcnow().year, "today": str(datetime.date.today()),
        "isinstance": isinstance(datetime.datetime.now(), datetime.datetime),
        "type": type(datetime.datetime.now()).__name__, "repr": repr(datetime.datetime(2020, 1, 2)),
        "before": before, "after": context.get_remaining_time_in_millis(),
    }
`;
    const { request, report } = run(source);
    const out = response(report) as Record<string, number | string | boolean>;
    expect(Number(out.t0) * 1000).toBeGreaterThanOrEqual(request.nowMs);
    expect(Number(out.t0) * 1000).toBeLessThan(request.nowMs + 200);
    expect(out.slept).toBeGreaterThanOrEqual(1.5);
    expect(out.slept).toBeLessThan(1.7);
    expect(out.mono).toBeGreaterThanOrEqual(1.5);
    expect(String(out.now)).toMatch(/^2026-01-15T12:00:02\.\d+\+00:00$/);
    expect(out).toMatchObject({ utcnow: 2026, today: '2026-01-15', isinstance: true, type: 'datetime' });
    expect(out.repr).toBe('datetime.datetime(2020, 1, 2, 0, 0)');
    expect(Number(out.before)).toBeGreaterThan(2800);
    expect(Number(out.before) - Number(out.after)).toBeGreaterThanOrEqual(1500);
    // The 1.5 s are virtual: slept, not worked (the work is modeled, so no wall clock is read here).
    expect(report.sleepMs).toBe(1500);
    expect(report.cpuMs).toBeGreaterThan(0);
    expect(report.cpuMs).toBeLessThan(500);
  });

  it('a sleep past the deadline ends the invoke as a timeout at once, and the runtime needs a new init', () => {
    const source =
      'import time\ndef lambda_handler(event, context):\n    print("going to sleep")\n    time.sleep(10)\n    return "woke"\n';
    const { env, report } = run(source);
    expect(report.outcome).toEqual({ status: 'timeout' });
    expect(report.sleepMs).toBe(10_000);
    expect(report.logs.map((line) => line.text)).toEqual(['going to sleep']);
    expect(engine.invoke(invokeRequest(env)).outcome.status).toBe('crash');
    expect(engine.init(initRequest(env)).outcome.status).toBe('success');
    engine.destroy(env.envId);
  });

  it('a timeout that user code catches is still a timeout', () => {
    const source =
      'import time\ndef lambda_handler(event, context):\n    try:\n        time.sleep(5)\n    except BaseException:\n        return "caught"\n';
    expect(run(source).report.outcome).toEqual({ status: 'timeout' });
  });

  it('CPU time is scaled by cpuScale into virtual time', () => {
    const source = `
import time
def lambda_handler(event, context):
    t0 = time.time()
    total = 0
    for i in range(300000):
        total += i
    return time.time() - t0
`;
    const { report } = run(source, { cpuScale: 10 });
    const virtualSeconds = Number(response(report));
    expect(virtualSeconds * 1000).toBeGreaterThan(report.cpuMs * 5);
  });

  it('log lines carry their virtual offset', () => {
    const { report } = run(
      'import time\ndef lambda_handler(e, c):\n    print("a")\n    time.sleep(0.25)\n    print("b")\n',
    );
    const [a, b] = report.logs;
    expect(a?.offsetMs).toBeLessThan(50);
    expect((b?.offsetMs ?? 0) - (a?.offsetMs ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it("log lines are stamped with the clock as the handler left it, not partway through the lab's capture", () => {
    // One write of 5,000 lines, captured one by one and taken out of the handler's time afterwards. Were
    // each stamp read partway through that capture, the stamps would climb through it, and the line
    // printed 250 ms of sleep later would seem to come before the last of them.
    const { env, report } = run(
      'import sys, time\ndef lambda_handler(e, c):\n    sys.stdout.write("x\\n" * 5_000 + "a\\n")\n    time.sleep(0.25)\n    print("b")\n',
      { cpuScale: 50 },
    );
    engine.destroy(env.envId);
    const offsets = report.logs.map((line) => line.offsetMs);
    expect(report.logs.slice(-2).map((line) => line.text)).toEqual(['a', 'b']);
    expect(offsets.every((offset, i) => i === 0 || offset >= (offsets[i - 1] ?? 0))).toBe(true);
    expect((offsets.at(-1) ?? 0) - (offsets.at(-2) ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('Init runs at full CPU: its limit is enforced in unscaled modeled time, whatever the memory', () => {
    // About 20 ms of work on one vCPU: 276 ms if Init were slowed like an invoke at 128 MB.
    const code = handlerCode(
      'TOTAL = sum(i * i for i in range(200_000))\ndef lambda_handler(e, c):\n    return TOTAL\n',
    );
    const roomy = spec({ code, memoryMb: 128, cpuScale: 13.8 });
    const fits = engine.init({ env: roomy, nowMs: T0, limitMs: 200 });
    expect(fits.outcome.status).toBe('success');
    expect(fits.cpuMs).toBeLessThan(200);
    const tight = spec({ code, memoryMb: 128, cpuScale: 13.8 });
    expect(engine.init({ env: tight, nowMs: T0, limitMs: 1 }).outcome).toEqual({ status: 'timeout' });
    engine.destroy(roomy.envId);
    engine.destroy(tight.envId);
  });

  it('init starts its clock at the init request time', () => {
    const env = spec({
      code: handlerCode(
        'import time\nSTARTED = time.time()\ndef lambda_handler(e, c):\n    return STARTED\n',
      ),
    });
    engine.init({ env, nowMs: T0 - 5000, limitMs: 10_000 });
    const started = Number(response(engine.invoke(invokeRequest(env))));
    expect(started * 1000).toBeGreaterThanOrEqual(T0 - 5000);
    expect(started * 1000).toBeLessThan(T0 - 4800);
    engine.destroy(env.envId);
  });
});

describe('memory', () => {
  it('reports the runtime baseline plus what the environment holds', () => {
    const source =
      'DATA = []\ndef lambda_handler(event, context):\n    DATA.append(bytearray(event["mb"] * 1024 * 1024))\n    return len(DATA)\n';
    const env = spec({ code: handlerCode(source), memoryMb: 512 });
    const init = engine.init(initRequest(env));
    expect(init.maxMemoryMb).toBeGreaterThanOrEqual(38);
    expect(init.maxMemoryMb).toBeLessThan(42);
    const first = engine.invoke(invokeRequest(env, { mb: 20 }));
    expect(first.maxMemoryMb).toBeGreaterThanOrEqual(58);
    expect(first.maxMemoryMb).toBeLessThan(64);
    const second = engine.invoke(invokeRequest(env, { mb: 20 }));
    expect(second.maxMemoryMb).toBeGreaterThanOrEqual(78);
    engine.destroy(env.envId);
  });

  it('exhausting the configured memory ends the invoke as outOfMemory, even if the handler catches MemoryError', () => {
    const grow =
      'DATA = []\ndef lambda_handler(event, context):\n    while True:\n        DATA.append(b"x" * (1024 * 1024))\n';
    const first = run(grow, { memoryMb: 128 });
    expect(first.report.outcome).toEqual({ status: 'outOfMemory' });
    expect(first.report.maxMemoryMb).toBe(128);
    expect(engine.invoke(invokeRequest(first.env)).outcome.status).toBe('crash');
    engine.destroy(first.env.envId);

    const swallow = `
def lambda_handler(event, context):
    data = []
    try:
        while True:
            data.append(b"x" * (1024 * 1024))
    except MemoryError:
        data = None
        return "survived"
`;
    const second = run(swallow, { memoryMb: 128 });
    expect(second.report.outcome).toEqual({ status: 'outOfMemory' });
    engine.destroy(second.env.envId);
  });

  it('memory kept in space a destroyed environment freed is still counted', () => {
    const source =
      'DATA = []\ndef lambda_handler(event, context):\n    DATA.append(bytearray(30 * 1024 * 1024))\n    return len(DATA)\n';
    const gone = run(source, { memoryMb: 512 });
    expect(gone.report.maxMemoryMb).toBeGreaterThanOrEqual(68);
    engine.destroy(gone.env.envId);
    const { env, report } = run(source, { memoryMb: 512 });
    expect(report.maxMemoryMb).toBeGreaterThanOrEqual(68);
    expect(engine.invoke(invokeRequest(env)).maxMemoryMb).toBeGreaterThanOrEqual(98);
    engine.destroy(env.envId);
  });

  it('a big but allowed allocation succeeds after another environment ran out of memory', () => {
    const source =
      'DATA = None\ndef lambda_handler(e, c):\n    global DATA\n    DATA = bytearray(60 * 1024 * 1024)\n    return len(DATA)\n';
    const { env, report } = run(source, { memoryMb: 256 });
    expect(response(report)).toBe(60 * 1024 * 1024);
    expect(report.maxMemoryMb).toBeGreaterThanOrEqual(98);
    engine.destroy(env.envId);
  });
});
