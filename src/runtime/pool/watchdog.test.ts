/**
 * The watchdog through a worker slot, against a scripted Python worker and fake timers (no real time is
 * read, so nothing here moves with the machine's load). The browser cases: past its budget in real time
 * the slot asks Python about the deadline instead of stopping it; only Python decides, unless it stops
 * answering or reaches the cap.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunReport } from '../../sim/runtimePort';
import { CHECK_SIGNAL, STOP_SIGNAL } from '../interrupts';
import type { RunMessage, WorkerToHost } from '../protocol';
import type { PythonWorker } from './pythonWorker';
import { CAP_ALLOWANCE, WALL_ALLOWANCE } from './watchdog';
import { createWorkerSlot, type JobResult } from './workerSlot';

interface ScriptedWorker extends PythonWorker {
  /** What the host wrote into the interrupt buffer and Python has not taken yet (0: nothing). */
  signal: number;
  /** Every signal Python took, in order. */
  readonly taken: number[];
  terminated: boolean;
  /** Python takes what waits in the buffer, as Pyodide does at its periodic check. */
  take(): number;
  reply(message: WorkerToHost): void;
}

/** A booted worker; `shared`: the host has shared memory (an interrupt buffer); `cpu`: the thread's CPU ms. */
function scriptedWorker(shared: boolean, cpu: () => number | null = () => null): ScriptedWorker {
  const worker: ScriptedWorker = {
    signal: 0,
    taken: [],
    terminated: false,
    ready: Promise.resolve({
      ms: 0,
      fromSnapshot: false,
      phaseMs: { download: 0, compile: 0, interpreter: 0, ready: 0 },
    }),
    post: () => undefined,
    terminate: () => {
      worker.terminated = true;
    },
    interrupt() {
      if (!shared) return false;
      worker.signal = STOP_SIGNAL;
      return true;
    },
    askDeadline() {
      if (!shared) return 'unsupported';
      if (worker.signal !== 0) return 'pending';
      worker.signal = CHECK_SIGNAL;
      return 'asked';
    },
    answerAws: () => undefined,
    nextAwsChunk: () => undefined,
    clearInterrupt() {
      worker.signal = 0;
    },
    threadCpuMs: cpu,
    onMessage: null,
    onCrash: null,
    take() {
      const signal = worker.signal;
      worker.signal = 0;
      if (signal !== 0) worker.taken.push(signal);
      return signal;
    },
    reply(message) {
      worker.onMessage?.(message);
    },
  };
  return worker;
}

const BUDGET_MS = 100;
const INVOKE: RunMessage = {
  type: 'invoke',
  id: 7,
  request: {
    envId: 'env-1',
    requestId: 'req-1',
    eventJson: '{}',
    nowMs: 0,
    deadlineMs: 3000,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  },
};
const report = (status: 'success' | 'timeout'): RunReport => ({
  outcome: status === 'success' ? { status, responseJson: '"done"' } : { status },
  cpuMs: 1,
  sleepMs: 0,
  maxMemoryMb: 40,
  logs: [],
});

function startJob(worker: ScriptedWorker, loadShare: number, graceMs: number) {
  const lost: string[][] = [];
  const stops: number[] = [];
  const slot = createWorkerSlot(() => worker, graceMs, {
    lost: (envIds) => void lost.push([...envIds]),
    watchdogStopped: () => void stops.push(performance.now()),
  });
  slot.envIds.add('env-1');
  let result: JobResult | null = null;
  void slot.run(INVOKE, { workMs: BUDGET_MS, loadShare }).then((value) => {
    result = value;
  });
  return { lost, stops, result: () => result };
}

/** Python running bytecode: it takes every signal within a few ms (a stop ends the phase as a timeout). */
function answering(worker: ScriptedWorker) {
  const timer = setInterval(() => {
    if (worker.take() === STOP_SIGNAL) {
      clearInterval(timer);
      worker.reply({ type: 'runReport', id: INVOKE.id, report: report('timeout') });
    }
  }, 5);
  return () => clearInterval(timer);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the watchdog where the thread CPU time is unknown (a browser)', () => {
  it('asks, and a phase that answers runs on until it finishes with its own report', async () => {
    const worker = scriptedWorker(true);
    const job = startJob(worker, 1, 1000);
    const quiet = answering(worker);
    await vi.advanceTimersByTimeAsync(BUDGET_MS - 1);
    expect(worker.taken).toEqual([]);
    // Fifteen budgets of real time: far past what a wall-time watchdog allowed.
    await vi.advanceTimersByTimeAsync(BUDGET_MS * 15);
    expect(worker.taken.length).toBeGreaterThan(10);
    expect(worker.taken.every((signal) => signal === CHECK_SIGNAL)).toBe(true);
    worker.reply({ type: 'runReport', id: INVOKE.id, report: report('success') });
    await vi.advanceTimersByTimeAsync(0);
    quiet();
    expect(job.result()).toEqual({
      kind: 'message',
      message: { type: 'runReport', id: INVOKE.id, report: report('success') },
    });
    expect(worker.terminated).toBe(false);
    expect(job.stops).toEqual([]);
    expect(job.lost).toEqual([]);
  });

  it('stops a phase that answers but never ends at the cap, and the stop ends it as a timeout', async () => {
    const worker = scriptedWorker(true);
    const job = startJob(worker, 1, 1000);
    answering(worker);
    await vi.advanceTimersByTimeAsync(BUDGET_MS * CAP_ALLOWANCE - 10);
    expect(worker.taken).not.toContain(STOP_SIGNAL);
    await vi.advanceTimersByTimeAsync(50);
    expect(worker.taken.at(-1)).toBe(STOP_SIGNAL);
    expect(job.result()).toEqual({
      kind: 'message',
      message: { type: 'runReport', id: INVOKE.id, report: report('timeout') },
    });
    expect(job.stops).toHaveLength(1);
    expect(worker.terminated).toBe(false);
  });

  it('terminates a phase that does not take the question (inside C code) past the limit and the grace', async () => {
    const worker = scriptedWorker(true);
    const job = startJob(worker, 1, 1000);
    await vi.advanceTimersByTimeAsync(BUDGET_MS);
    expect(worker.signal).toBe(CHECK_SIGNAL);
    // The question has waited a grace period: the stop goes in, and the worker goes a grace later.
    await vi.advanceTimersByTimeAsync(1000 - 10);
    expect(worker.signal).toBe(CHECK_SIGNAL);
    await vi.advanceTimersByTimeAsync(50);
    expect(worker.signal).toBe(STOP_SIGNAL);
    expect(worker.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(worker.terminated).toBe(true);
    expect(job.result()).toMatchObject({ kind: 'timedOut' });
    expect(job.lost).toEqual([['env-1']]);
  });

  it('waits for a question left untaken as long as the last phase\u2019s share of a core says', async () => {
    const worker = scriptedWorker(true);
    startJob(worker, 0.25, 100);
    const limit = (BUDGET_MS * WALL_ALLOWANCE) / 0.25;
    await vi.advanceTimersByTimeAsync(limit - 30);
    expect(worker.signal).toBe(CHECK_SIGNAL);
    await vi.advanceTimersByTimeAsync(60);
    expect(worker.signal).toBe(STOP_SIGNAL);
  });
});

describe('the watchdog without shared memory (a page that is not cross-origin isolated)', () => {
  for (const share of [1, 0.25, 0.05]) {
    it(`terminates at ${WALL_ALLOWANCE}x the budget over the last share of a core (${share}, floored at 0.1)`, async () => {
      const worker = scriptedWorker(false);
      const job = startJob(worker, share, 1000);
      const limit = (BUDGET_MS * WALL_ALLOWANCE) / Math.max(share, 0.1);
      await vi.advanceTimersByTimeAsync(limit - 1);
      expect(worker.terminated).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(worker.terminated).toBe(true);
      expect(job.result()).toMatchObject({ kind: 'timedOut' });
    });
  }
});

describe('the watchdog where the thread CPU time is known (Node)', () => {
  it('counts CPU time, not real time, and interrupts at the budget', async () => {
    let cpu = 0;
    const worker = scriptedWorker(true, () => cpu);
    // A busy machine: the thread runs one ms in four.
    const running = setInterval(() => {
      cpu += 0.25;
    }, 1);
    startJob(worker, 1, 1000);
    await vi.advanceTimersByTimeAsync(BUDGET_MS * 4 - 20);
    expect(worker.signal).toBe(0);
    await vi.advanceTimersByTimeAsync(40);
    expect(worker.signal).toBe(STOP_SIGNAL);
    clearInterval(running);
  });
});
