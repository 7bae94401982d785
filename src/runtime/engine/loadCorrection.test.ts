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
