/**
 * Counted work (lambda_lab_work.py): a phase asked for `workModel: 'counted'` reports the same work,
 * the same virtual times and the same timeout on a machine that runs Python many times slower. The
 * slowdown is real: a sys.monitoring tool that burns CPU at every line and call of every code object.
 */
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnvSpec, RunReport } from '../../sim/runtimePort';
import { readPythonSources } from '../node/pythonSources';
import { createSchedstatReader } from '../node/runDelay';
import { createEngine, type Engine } from './engine';
import { dragPython } from './pythonDrag';
import { handlerCode, initRequest, invokeRequest, spec } from './testSupport';

let pyodide: PyodideAPI;
let engine: Engine;

beforeAll(async () => {
  pyodide = await loadPyodide();
  engine = createEngine(pyodide, readPythonSources(), { schedstat: createSchedstatReader() ?? undefined });
});

const drag = (loops: number) => dragPython(pyodide, loops);
/** The drag tool's events while it is on (sys.monitoring.get_events). */
const dragEvents = (): number =>
  Number(pyodide.runPython('import sys; sys.monitoring.get_events(2)', { globals: pyodide.toPy({}) }));

afterEach(() => drag(0));

const counted = { workModel: 'counted' } as const;

/** Init and one invoke of `source`, counted; the environment is destroyed afterwards. */
function runCounted(source: string, overrides: Partial<EnvSpec> = {}, event: unknown = {}) {
  const env = spec({ code: handlerCode(source), ...overrides });
  const init = engine.init({ ...initRequest(env), ...counted });
  const invoke = engine.invoke({ ...invokeRequest(env, event), ...counted });
  engine.destroy(env.envId);
  return { init, invoke };
}

/** What a trace shows of a report: everything but the measured local time. */
const shown = ({ localMs: _local, ...rest }: RunReport) => rest;

const BUSY = `
import json, time
STARTED = time.time()
WORDS = [f"w{i}" for i in range(300)]

def score(word):
    return sum(ord(c) for c in word) % 7

def lambda_handler(event, context):
    t0 = time.time()
    counts = {}
    for word in WORDS * event["rounds"]:
        counts[score(word)] = counts.get(score(word), 0) + 1
    print("counted", json.dumps(counts, sort_keys=True))
    time.sleep(0.05)
    print("left", context.get_remaining_time_in_millis())
    return {"took": time.time() - t0, "started": STARTED}
`;

describe('counted work', () => {
  it('reports the same work, times and logs when Python runs many times slower', () => {
    const quick = runCounted(BUSY, { memoryMb: 128, cpuScale: 13.8 }, { rounds: 3 });
    drag(400);
    const slow = runCounted(BUSY, { memoryMb: 128, cpuScale: 13.8 }, { rounds: 3 });
    expect(quick.invoke.outcome.status).toBe('success');
    expect(quick.invoke.workModel).toBe('counted');
    // The drag was on while the slow run ran (its effect on real time is not asserted: no wall clock here).
    expect(dragEvents()).toBeGreaterThan(0);
    expect(shown(slow.init)).toEqual(shown(quick.init));
    expect(shown(slow.invoke)).toEqual(shown(quick.invoke));
    expect(quick.invoke.cpuMs).toBeGreaterThan(0);
    expect(quick.invoke.logs.map((l) => l.text)).toEqual([
      expect.stringMatching(/^counted \{/),
      expect.stringMatching(/^left \d+$/),
    ]);
  });

  it('ends a runaway loop at its deadline at an exact count, even one that catches the timeout', () => {
    const source = `
def lambda_handler(event, context):
    n = 0
    while True:
        try:
            while True:
                n += 1
                if n % 10000 == 0:
                    print("still going", n)
        except BaseException:
            print("caught it")
`;
    const short = { memoryMb: 1769, cpuScale: 1, timeoutMs: 15 };
    const quick = runCounted(source, short);
    drag(50);
    const slow = runCounted(source, short);
    expect(quick.invoke.outcome).toEqual({ status: 'timeout' });
    expect(shown(slow.invoke)).toEqual(shown(quick.invoke));
    const lines = quick.invoke.logs.map((l) => l.text);
    // Stopped for good: the except clause never gets to print, as the process ends on Lambda.
    expect(lines.length).toBeGreaterThan(3);
    expect(lines).not.toContain('caught it');
    expect(quick.invoke.cpuMs).toBeGreaterThanOrEqual(15);
    expect(quick.invoke.cpuMs).toBeLessThan(15.01);
  });

  it('scales the count by the memory/CPU model: a CPU-bound handler is 13.8x slower at 128 MB', () => {
    const source = 'def lambda_handler(e, c):\n    return sum(i * i for i in range(100_000))\n';
    const small = runCounted(source, { memoryMb: 128, cpuScale: 1769 / 128 });
    const vcpu = runCounted(source, { memoryMb: 1769, cpuScale: 1 });
    expect(small.invoke.cpuMs).toBe(vcpu.invoke.cpuMs);
    // One unit is calibrated to Lambda: 1,000,000 items take about 60 ms on one vCPU (73 ms here).
    expect(vcpu.invoke.cpuMs * 10).toBeGreaterThan(45);
    expect(vcpu.invoke.cpuMs * 10).toBeLessThan(90);
  });

  it('adds the Lambda runtime part to every invoke, not to Init; a hello world lands at 1.2-3.9 ms', () => {
    const hello =
      'import json\ndef lambda_handler(event, context):\n    return {"statusCode": 200, "body": json.dumps("Hello from Lambda!")}\n';
    const { init, invoke } = runCounted(hello, { memoryMb: 128, cpuScale: 1769 / 128 });
    expect(init.runtimeMs).toBe(0);
    expect(invoke.runtimeMs).toBe(1.2);
    const duration = invoke.cpuMs * (1769 / 128) + invoke.sleepMs + (invoke.runtimeMs ?? 0);
    expect(duration).toBeGreaterThanOrEqual(1.2);
    expect(duration).toBeLessThan(3.9);
  });

  it('a handler that switches the counter off or takes it over is measured instead, and the next phase counts', () => {
    const tamper = (how: string) => `
import sys
def lambda_handler(event, context):
    m = sys.monitoring
    ${how}
    return sum(i * i for i in range(20_000))
`;
    const switchedOff = runCounted(tamper('m.set_events(5, 0)'));
    const freed = runCounted(tamper('m.free_tool_id(5); m.use_tool_id(5, "mine")'));
    const replaced = runCounted(tamper('m.register_callback(5, m.events.JUMP, lambda *a: None)'));
    for (const { invoke } of [switchedOff, freed, replaced]) {
      expect(invoke.outcome.status).toBe('success');
      expect(invoke.workModel).toBe('measured');
    }
    const honest = runCounted('def lambda_handler(e, c):\n    return sum(i * i for i in range(20_000))\n');
    expect(honest.init.workModel).toBe('counted');
    expect(honest.invoke.workModel).toBe('counted');
    expect(honest.invoke.cpuMs).toBeGreaterThan(1);
  });

  it('measures, as before, when the request does not ask for counted work', () => {
    const env = spec({ code: handlerCode('def lambda_handler(e, c):\n    return 1\n') });
    engine.init(initRequest(env));
    const report = engine.invoke(invokeRequest(env));
    engine.destroy(env.envId);
    expect(report.workModel).toBe('measured');
    expect(report.runtimeMs).toBe(1.2);
  });
});
