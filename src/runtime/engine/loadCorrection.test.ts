/**
 * Load correction where the scheduler cannot be read (a browser worker): without schedstat, probes
 * around each measured phase estimate the share of a core the thread gets, and the clock takes the
 * estimated preemption out. The machine is simulated, so nothing here reads the real clock: the timer
 * advances 10 us at each read, and the "busy" one loses 0.6 ms after every 0.4 ms it ran (the thread
 * gets 40% of a core, so its wall time grows 2.5x).
 */
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../sim/runtimePort';
import { readPythonSources } from '../node/pythonSources';
import { createEngine, type Engine, type EngineClockOptions } from './engine';
import { handlerCode, initRequest, invokeRequest, spec } from './testSupport';

const TICK = { tickMs: 0.01 } as const;
const BUSY = { ...TICK, runMs: 0.4, stolenMs: 0.6 } as const;

async function browserLikeEngine(clock: EngineClockOptions): Promise<Engine> {
  // No schedstat reader: the path a browser worker takes.
  return createEngine(await loadPyodide(), readPythonSources(), clock);
}

let quiet: Engine;
let busy: Engine;
let busyUncorrected: Engine;
beforeAll(async () => {
  quiet = await browserLikeEngine({ simulatedMachine: TICK });
  busy = await browserLikeEngine({ simulatedMachine: BUSY });
  busyUncorrected = await browserLikeEngine({ simulatedMachine: BUSY, loadCorrection: false });
});

// Work the simulated timer sees: each clock read is a tick of run time (1,000 reads: 10 ms ran).
const WORKER = `
import time
def lambda_handler(event, context):
    for _ in range(1000):
        time.perf_counter()
    return "done"
`;
const HELLO = 'def lambda_handler(event, context):\n    return {"statusCode": 200}\n';

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function work(report: RunReport): number {
  expect(report.outcome.status, JSON.stringify(report.outcome)).toBe('success');
  return report.cpuMs;
}

/** Median work of five warm invokes of `source` at 1,769 MB. */
function medianWork(engine: Engine, source: string): number {
  const env = spec({ code: handlerCode(source), memoryMb: 1769, timeoutMs: 30_000 });
  expect(engine.init(initRequest(env)).outcome.status).toBe('success');
  return median(Array.from({ length: 5 }, () => work(engine.invoke(invokeRequest(env)))));
}

describe('load correction without schedstat (the browser path)', () => {
  it('a busy machine reports about the quiet Duration; uncorrected it would not', () => {
    const quietMs = medianWork(quiet, WORKER);
    const corrected = medianWork(busy, WORKER) / quietMs;
    const uncorrected = medianWork(busyUncorrected, WORKER) / quietMs;
    expect(quietMs).toBeGreaterThan(0);
    expect(corrected).toBeGreaterThan(0.7);
    expect(corrected).toBeLessThan(1.3);
    expect(uncorrected).toBeGreaterThan(2);
  });

  it('reports the core share it corrected by, only where it estimated one', () => {
    const env = spec({ code: handlerCode(WORKER), memoryMb: 1769, timeoutMs: 30_000 });
    busy.init(initRequest(env));
    const share = busy.invoke(invokeRequest(env)).loadShare ?? 0;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
    busyUncorrected.init(initRequest(env));
    expect(busyUncorrected.invoke(invokeRequest(env)).loadShare).toBeUndefined();
  });

  it('a hello world on the busy machine is not billed less than on the quiet one', () => {
    // Segments shorter than the shortest preemption the probes saw are left whole (none fits in them).
    const ratio = medianWork(busy, HELLO) / medianWork(quiet, HELLO);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
  });
});

/**
 * Where the thread's gaps are seen from inside (threadGaps.ts): the simulated machine's stolen time shows
 * as gaps, and a handler's call into C is simulated by `c_call(reads)`: its reads of the clock are work no
 * preemption interrupts, and they show as a gap too (a long call into C reads no interrupt buffer).
 */
describe('load correction by the gaps seen from inside', () => {
  let extraGaps = 0;
  async function seeing(machine: typeof TICK | typeof BUSY): Promise<Engine> {
    const pyodide = await loadPyodide();
    pyodide.registerJsModule('simulated_c', {
      add_gap: (ms: number) => {
        extraGaps += ms;
      },
    });
    return createEngine(pyodide, readPythonSources(), {
      simulatedMachine: machine,
      threadGaps: () => extraGaps,
    });
  }
  // 1,000 reads of pure Python, then a call into C as long as 500 reads (5 ms of the simulated timer).
  const WITH_C_CALL = `
import time
import simulated_c
def lambda_handler(event, context):
    for _ in range(1000):
        time.perf_counter()
    simulated_c.add_gap(5.0)
    for _ in range(500):
        time.perf_counter()
    return "done"
`;
  const AS_PYTHON = WITH_C_CALL.replace('simulated_c.add_gap(5.0)', 'pass');
  let quietSeen: Engine;
  let busySeen: Engine;
  beforeAll(async () => {
    quietSeen = await seeing(TICK);
    busySeen = await seeing(BUSY);
  });

  it('a busy machine reports the quiet Duration of pure Python', () => {
    const ratio = medianWork(busySeen, WORKER) / medianWork(quietSeen, WORKER);
    expect(ratio).toBeGreaterThan(0.97);
    expect(ratio).toBeLessThan(1.03);
  });

  it('a warm environment takes out a preemption its probes missed: the gaps beyond its floor', () => {
    // The probes around the phase see a quiet machine; inside it, the thread stops for 5 ms (the same
    // gap and time as the call into C above, but on one invoke only, as a preemption comes and goes).
    const code = WITH_C_CALL.replace(
      'simulated_c.add_gap(5.0)',
      'if not event.get("preempted"):\n        return "done"\n    simulated_c.add_gap(5.0)',
    );
    const env = spec({ code: handlerCode(code), memoryMb: 1769, timeoutMs: 30_000 });
    expect(quietSeen.init(initRequest(env)).outcome.status).toBe('success');
    const plain = work(quietSeen.invoke(invokeRequest(env, {})));
    const preempted = work(quietSeen.invoke(invokeRequest(env, { preempted: true })));
    expect(preempted / plain).toBeGreaterThan(0.95);
    expect(preempted / plain).toBeLessThan(1.05);
    // A new environment has no floor yet: its first invoke keeps the gap, as it would a call into C.
    const fresh = spec({ code: handlerCode(code), memoryMb: 1769, timeoutMs: 30_000 });
    expect(quietSeen.init(initRequest(fresh)).outcome.status).toBe('success');
    expect(work(quietSeen.invoke(invokeRequest(fresh, { preempted: true }))) / plain).toBeGreaterThan(1.3);
  });

  it('a call into C keeps its time, quiet or busy', () => {
    const python = medianWork(quietSeen, AS_PYTHON);
    for (const engine of [quietSeen, busySeen]) {
      const ratio = medianWork(engine, WITH_C_CALL) / python;
      expect(ratio).toBeGreaterThan(0.95);
      expect(ratio).toBeLessThan(1.05);
    }
  });
});
