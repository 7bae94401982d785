/**
 * The browser watchdog's question (interrupts.ts CHECK_SIGNAL), answered by real Python: a phase within
 * its modeled limit runs on, one past it ends as a timeout, for an invoke and for Init. A thread of its own
 * asks through Pyodide's interrupt buffer every 10 ms, as the pool does in a browser once a phase
 * outlasts its budget in real time. The machine is simulated (loadCorrection.test.ts): the timer advances
 * 10 us at each read, and on the busy one the thread gets 40% of a core, so its real time is 2.5x its
 * work. The verdicts do not depend on when the questions come (each one Python answers reads the clock:
 * a tick, 0.53 ms of simulated work, small against the margins).
 */
import { Worker } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../sim/runtimePort';
import { CHECK_SIGNAL, STOP_SIGNAL } from '../interrupts';
import { readPythonSources } from '../node/pythonSources';
import { createEngine, type Engine, type EngineClockOptions } from './engine';
import { handlerCode, initRequest, invokeRequest, spec } from './testSupport';

const TICK = { tickMs: 0.01 } as const;
const BUSY = { ...TICK, runMs: 0.4, stolenMs: 0.6 } as const;
/** Real seconds after which the asker gives up and stops Python outright (so a broken check fails, not hangs). */
const GIVE_UP_S = 30;
/** Each question Python answers reads the clock once: a tick of simulated work, so they come sparingly. */
const ASK_EVERY_MS = 10;

// control[0]: questions written (each one after Python took the last); control[1]: 1 when it gave up
// and wrote a stop instead.
const ASKER = `
const { workerData } = require('node:worker_threads');
const signal = new Uint8Array(workerData.signal);
const control = new Int32Array(workerData.control);
const since = Date.now();
for (;;) {
  if (Date.now() - since > ${GIVE_UP_S * 1000}) {
    Atomics.store(control, 1, 1);
    Atomics.store(signal, 0, ${STOP_SIGNAL});
    break;
  }
  if (Atomics.compareExchange(signal, 0, 0, ${CHECK_SIGNAL}) === 0) Atomics.add(control, 0, 1);
  Atomics.wait(control, 1, 0, ${ASK_EVERY_MS});
}`;

interface Asked {
  readonly engine: Engine;
  /** Runs `run` while an asker asks; returns its result and the questions Python took. */
  asking<T>(run: (engine: Engine) => T): Promise<{ result: T; taken: number }>;
}

async function askedEngine(clock: EngineClockOptions): Promise<Asked> {
  const pyodide = await loadPyodide();
  const engine = createEngine(pyodide, readPythonSources(), clock);
  const signal = new Uint8Array(new SharedArrayBuffer(1));
  pyodide.setInterruptBuffer(signal);
  return {
    engine,
    async asking(run) {
      const control = new Int32Array(new SharedArrayBuffer(8));
      const workerData = { signal: signal.buffer, control: control.buffer };
      const asker = new Worker(ASKER, { eval: true, workerData });
      await new Promise((resolve) => asker.once('online', resolve));
      let result: ReturnType<typeof run>;
      try {
        result = run(engine);
      } finally {
        // Ended before the signal is cleared, so no question is left for the next phase.
        await asker.terminate();
      }
      // The last question may still wait in the buffer: it was not taken.
      const taken = Atomics.load(control, 0) - (signal[0] === 0 ? 0 : 1);
      signal[0] = 0;
      expect(Atomics.load(control, 1), 'the asker gave up: Python never answered').toBe(0);
      return { result, taken };
    },
  };
}

let quiet: Asked;
let busy: Asked;
let busyUncorrected: Asked;
beforeAll(async () => {
  quiet = await askedEngine({ simulatedMachine: TICK });
  busy = await askedEngine({ simulatedMachine: BUSY });
  busyUncorrected = await askedEngine({ simulatedMachine: BUSY, loadCorrection: false });
});

// Each clock read is a tick of work (0.53 ms on one vCPU on this simulated machine, see calibration);
// sum(range(...)) reads no clock: real time for the questions to land in, no simulated work.
const working = (reads: number, indent: string) =>
  `${indent}for _ in range(${reads}):\n${indent}    sum(range(3000))\n${indent}    time.perf_counter()\n`;
// About 60% of the default 3 s limit at 1,769 MB (as much again on the busy machine's wall: 2.5x).
const WITHIN_LIMIT = `import time\ndef lambda_handler(event, context):\n${working(3400, '    ')}    return "done"\n`;
// Spins reading the clock, swallowing whatever it is stopped with: only the modeled deadline ends it.
const PAST_LIMIT = `import time
def lambda_handler(event, context):
    print("spinning")
    while True:
        try:
            while True:
                time.perf_counter()
        except BaseException:
            print("swallowed")
`;

function started(asked: Asked, source: string) {
  const env = spec({ code: handlerCode(source), memoryMb: 1769 });
  expect(asked.engine.init(initRequest(env)).outcome.status).toBe('success');
  return env;
}

const logText = (report: RunReport) => report.logs.map((line) => JSON.stringify(line)).join('\n');

describe('the deadline check (a browser watchdog asking)', () => {
  it('a phase within its modeled limit runs on through the questions, on a busy machine as on a quiet one', async () => {
    const quietEnv = started(quiet, WITHIN_LIMIT);
    const quietRun = await quiet.asking((engine) => engine.invoke(invokeRequest(quietEnv)));
    const busyEnv = started(busy, WITHIN_LIMIT);
    const busyRun = await busy.asking((engine) => engine.invoke(invokeRequest(busyEnv)));
    for (const run of [quietRun, busyRun]) {
      expect(run.result.outcome).toEqual({ status: 'success', responseJson: '"done"' });
      expect(run.taken).toBeGreaterThan(0);
    }
    expect(busyRun.result.cpuMs).toBeLessThan(3000);
    const ratio = busyRun.result.cpuMs / quietRun.result.cpuMs;
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
  });

  it('without load correction the same phase is past its limit: the modeled time decides, not the wall time', async () => {
    const env = started(busyUncorrected, WITHIN_LIMIT);
    const run = await busyUncorrected.asking((engine) => engine.invoke(invokeRequest(env)));
    expect(run.result.outcome).toEqual({ status: 'timeout' });
    expect(run.result.cpuMs).toBeGreaterThanOrEqual(3000);
  });

  it('a phase past its modeled deadline ends at the next question as a timeout, keeping its logs', async () => {
    const env = started(busy, PAST_LIMIT);
    const run = await busy.asking((engine) => engine.invoke(invokeRequest(env)));
    expect(run.result.outcome).toEqual({ status: 'timeout' });
    expect(run.result.cpuMs).toBeGreaterThanOrEqual(3000);
    expect(logText(run.result)).toContain('spinning');
    // As for a stop at the deadline: no line of the handler runs after it.
    expect(logText(run.result)).not.toContain('swallowed');
  });

  it('Init: module code within the 10 s limit in modeled time runs on; code past it times out', async () => {
    // About 6 s of work at full CPU: 15 s of the busy machine's wall time.
    const within = spec({
      code: handlerCode(`import time\n${working(11300, '')}def lambda_handler(e, c):\n    return 1\n`),
    });
    const withinRun = await busy.asking((engine) => engine.init(initRequest(within)));
    expect(withinRun.result.outcome.status).toBe('success');
    expect(withinRun.result.cpuMs).toBeLessThan(10_000);
    expect(withinRun.taken).toBeGreaterThan(0);
    const past = spec({
      code: handlerCode(
        'import time\nwhile True:\n    time.perf_counter()\ndef lambda_handler(e, c):\n    return 1\n',
      ),
    });
    const pastRun = await busy.asking((engine) => engine.init(initRequest(past)));
    expect(pastRun.result.outcome).toEqual({ status: 'timeout' });
    expect(pastRun.result.cpuMs).toBeGreaterThanOrEqual(10_000);
  });
});
