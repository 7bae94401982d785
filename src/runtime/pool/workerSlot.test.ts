/**
 * A synchronous Lambda-to-Lambda invoke inside one worker slot, against a scripted worker and fake timers:
 * the caller's phase blocks in its AWS call while the callee's phase runs on the same worker, handed over
 * as a channel answer (shared memory) or as an ordinary run message (JSPI), and the caller's watchdog
 * waits meanwhile. The callee runs without a budget here, so every deadline question comes from the caller's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunReport } from '../../sim/runtimePort';
import { CONTINUE_CALL, NESTED_PREFIX } from '../awsChannel';
import type { RunMessage, WorkerToHost } from '../protocol';
import type { PythonWorker } from './pythonWorker';
import { createWorkerSlot, type JobResult, type WorkerSlot } from './workerSlot';

const invoke = (id: number, envId: string): RunMessage => ({
  type: 'invoke',
  id,
  request: {
    envId,
    requestId: `req-${id}`,
    eventJson: '{}',
    nowMs: 0,
    deadlineMs: 3000,
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${envId}`,
  },
});
const CALLER = invoke(1, 'caller');
const CALLEE = invoke(2, 'callee');
const done = (id: number): WorkerToHost => {
  const report: RunReport = {
    outcome: { status: 'success', responseJson: `"done ${id}"` },
    cpuMs: 1,
    sleepMs: 0,
    maxMemoryMb: 40,
    logs: [],
  };
  return { type: 'runReport', id, report };
};

/** A booted browser worker with shared memory and no thread CPU time: what the slot sends it is kept. */
function scriptedWorker() {
  const posted: number[] = [];
  const answers: string[] = [];
  const signals: number[] = [];
  const worker: PythonWorker = {
    ready: Promise.resolve({
      ms: 0,
      fromSnapshot: false,
      phaseMs: { download: 0, compile: 0, interpreter: 0, ready: 0 },
    }),
    post: (message) => void posted.push('id' in message ? message.id : -1),
    terminate: () => undefined,
    interrupt: () => {
      signals.push(2);
      return true;
    },
    askDeadline: () => {
      signals.push(24);
      return 'asked';
    },
    answerAws: (text) => void answers.push(text),
    nextAwsChunk: () => undefined,
    clearInterrupt: () => undefined,
    threadCpuMs: () => null,
    onMessage: null,
    onCrash: null,
  };
  const reply = async (message: WorkerToHost) => {
    worker.onMessage?.(message);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { worker, posted, answers, signals, reply };
}

/** The slot, with a world whose AWS call runs CALLEE through the same slot and answers with its outcome. */
function slotWithNestedInvoke(worker: PythonWorker) {
  let slot: WorkerSlot | null = null;
  slot = createWorkerSlot(() => worker, 1000, {
    lost: () => undefined,
    awsCall: () =>
      (slot as WorkerSlot)
        .run(CALLEE, undefined)
        .then((result: JobResult) =>
          result.kind === 'message' && result.message.type === 'runReport'
            ? `answer: ${result.message.report.outcome.status} ${result.message.id}`
            : `answer: ${result.kind}`,
        ),
  });
  let caller: JobResult | null = null;
  void slot.run(CALLER, { workMs: 100, loadShare: 1 }).then((result) => {
    caller = result;
  });
  return { caller: () => caller };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a synchronous invoke nested in its caller on one worker', () => {
  it('JSPI: the callee goes as a run message, and the caller gets the answer once it reported', async () => {
    const { worker, posted, answers, signals, reply } = scriptedWorker();
    const { caller } = slotWithNestedInvoke(worker);
    await vi.advanceTimersByTimeAsync(50);
    expect(posted).toEqual([1]);
    await reply({ type: 'awsCall', requestJson: '{"op":"Invoke"}', nestable: 'message' });
    expect(posted).toEqual([1, 2]);
    // The callee runs for ten of the caller's budgets: the caller's watchdog waits meanwhile.
    await vi.advanceTimersByTimeAsync(1000);
    expect(signals).toEqual([]);
    await reply(done(2));
    expect(answers).toEqual(['answer: success 2']);
    expect(caller()).toBeNull();
    // Back in the caller: its watchdog is armed again, with a whole budget.
    await vi.advanceTimersByTimeAsync(99);
    expect(signals).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(signals).toEqual([24]);
    await reply(done(1));
    const result = caller() as JobResult | null;
    expect(result?.kind === 'message' && result.message.type === 'runReport' && result.message.id).toBe(1);
  });

  it('shared memory: the callee goes as a channel answer, and the caller asks again for its own answer', async () => {
    const { worker, posted, answers, reply } = scriptedWorker();
    const { caller } = slotWithNestedInvoke(worker);
    await vi.advanceTimersByTimeAsync(0);
    await reply({ type: 'awsCall', requestJson: '{"op":"Invoke"}', nestable: true });
    expect(posted).toEqual([1]);
    expect(answers).toEqual([`${NESTED_PREFIX}${JSON.stringify(CALLEE)}}`]);
    await reply(done(2));
    // Nothing more until the worker, back in its wait, asks for the next answer.
    expect(answers).toHaveLength(1);
    await reply({ type: 'awsCall', requestJson: CONTINUE_CALL });
    expect(answers.at(-1)).toBe('answer: success 2');
    await reply(done(1));
    expect(caller()).not.toBeNull();
  });
});
