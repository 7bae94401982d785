/**
 * One Python worker and its queue. Jobs run one at a time; each phase gets a budget of work on this
 * machine (its modeled limit in local ms, see pooledRuntime.ts), kept by its watchdog (watchdog.ts: CPU
 * time where the host can read it; in a browser, past the budget in real time it asks Python whether the
 * phase's modeled time is past its deadline). A phase that will not stop is interrupted (KeyboardInterrupt,
 * which the runtime reports as a timeout); when that does not land within the grace period, or the host has
 * no shared memory to interrupt with, the worker is terminated, the job ends as a timeout and every
 * environment it held is reported lost. A crashed worker is treated the same way; the next job gets a
 * fresh worker from the pool.
 */
import type { RunReport } from '../../sim/runtimePort';
import { CONTINUE_CALL, NESTED_PREFIX } from '../awsChannel';
import type { RunMessage, WorkerToHost } from '../protocol';
import type { PythonWorker } from './pythonWorker';
import { armWatchdog, type Budget } from './watchdog';

export type JobResult =
  | { readonly kind: 'message'; readonly message: WorkerToHost }
  | { readonly kind: 'timedOut'; readonly realMs: number }
  | { readonly kind: 'crashed'; readonly message: string; readonly realMs: number };

interface Job {
  readonly message: RunMessage;
  readonly budget: Budget | undefined;
  readonly resolve: (result: JobResult) => void;
}

export interface SlotEvents {
  /** The worker went away with these environments (terminated or crashed). */
  lost(envIds: readonly string[], reason: string): void;
  /** A handler's boto3 call: returns the JSON answer (see sim/services/awsCall.ts). */
  awsCall?(requestJson: string): string | Promise<string>;
  /** The watchdog stopped a phase itself: the runtime had not ended it at its deadline. */
  watchdogStopped?(): void;
}

const NO_SERVICES = JSON.stringify({
  kind: 'error',
  error: {
    code: 'LabNoServices',
    message: 'This host simulates no AWS services.',
    httpStatus: 500,
    errorKind: 'client',
  },
});

/** A worker that can neither wait on shared memory nor suspend Python (JSPI) cannot run a callee inside its wait. */
const NOT_NESTABLE = JSON.stringify({
  kind: 'error',
  error: {
    code: 'LabUnsupported',
    message:
      'A synchronous Lambda-to-Lambda invoke needs a cross-origin isolated page (open the lab at http://localhost or its usual address). Invoke with InvocationType="Event" here.',
    httpStatus: 400,
    errorKind: 'client',
  },
});

export interface WorkerSlot {
  readonly envIds: Set<string>;
  run(message: RunMessage, budget: Budget | undefined): Promise<JobResult>;
  /**
   * Runs `message` only when the worker is booted, idle and nothing waits: null otherwise. For work that
   * must never queue behind a handler (the editor's syntax check) and can simply be asked again later.
   */
  runIfIdle(message: RunMessage): Promise<JobResult> | null;
  /** Makes sure a worker is starting, so the first job does not wait for a boot it could have overlapped. */
  warm(): void;
  close(): void;
}

type Timer = ReturnType<typeof setTimeout>;

export function createWorkerSlot(
  acquire: () => PythonWorker,
  graceMs: number,
  events: SlotEvents,
): WorkerSlot {
  const envIds = new Set<string>();
  const queue: Job[] = [];
  let worker: PythonWorker | null = null;
  let ready = false;
  let current: { job: Job; started: number; timers: Timer[] } | null = null;
  let closed = false;
  // Jobs running inside a blocked AWS call (innermost last), and the calls waiting for their answers.
  const nested: { job: Job; started: number; timers: Timer[] }[] = [];
  const waits: { answer: string | null }[] = [];
  // The worker is blocked in an AWS call and reads the next answer we give it.
  let listening = false;
  // How the blocked worker takes a nested phase: as a channel answer, or (JSPI) as an ordinary run message.
  let nestVia: 'channel' | 'message' = 'channel';

  const finish = (result: JobResult) => {
    if (!current) return;
    for (const timer of current.timers) clearTimeout(timer);
    // An interrupt that arrived after the phase ended must not hit the next one.
    worker?.clearInterrupt();
    const { job } = current;
    current = null;
    job.resolve(result);
    pump();
  };

  const discard = (reason: string, result: (realMs: number) => JobResult) => {
    const dead = worker;
    worker = null;
    ready = false;
    dead?.terminate();
    const lost = [...envIds];
    envIds.clear();
    if (lost.length > 0) events.lost(lost, reason);
    waits.length = 0;
    listening = false;
    for (const frame of nested.splice(0).reverse()) {
      for (const timer of frame.timers) clearTimeout(timer);
      frame.job.resolve(result(performance.now() - frame.started));
    }
    if (current) finish(result(performance.now() - current.started));
  };

  const failQueued = (message: string) => {
    for (const job of queue.splice(0)) job.resolve({ kind: 'crashed', message, realMs: 0 });
  };

  const adopt = (): PythonWorker => {
    const next = acquire();
    next.onMessage = (message) => {
      if (next !== worker) return;
      if (message.type === 'awsCall' && message.requestJson === CONTINUE_CALL) {
        listening = true;
        feed(next);
      } else if (message.type === 'awsCall') {
        let answer: string | Promise<string>;
        try {
          answer = events.awsCall ? events.awsCall(message.requestJson) : NO_SERVICES;
        } catch (error) {
          const text = error instanceof Error ? error.message : String(error);
          answer = JSON.stringify({
            kind: 'error',
            error: { code: 'InternalFailure', message: text, httpStatus: 500, errorKind: 'client' },
          });
        }
        if (typeof answer === 'string') next.answerAws(answer);
        else if (message.nestable) {
          nestVia = message.nestable === 'message' ? 'message' : 'channel';
          wait(answer, next);
        } else next.answerAws(NOT_NESTABLE);
      } else if (message.type === 'awsCallMore') {
        next.nextAwsChunk();
      } else if (message.type === 'fatal') {
        // The reply to the current job follows; after it, the worker is replaced.
        queueMicrotask(() =>
          discard(`interpreter failed: ${message.message}`, (realMs) => ({
            kind: 'crashed',
            message: message.message,
            realMs,
          })),
        );
      } else if ('id' in message && nested.at(-1)?.job.message.id === message.id) {
        const frame = nested.pop();
        for (const timer of frame?.timers ?? []) clearTimeout(timer);
        next.clearInterrupt();
        frame?.job.resolve({ kind: 'message', message });
        // A JSPI worker asks for nothing after a nested phase: it is still waiting, so listen again.
        if (nestVia === 'message' && waits.length > 0) {
          listening = true;
          feed(next);
        }
      } else if ('id' in message && current && message.id === current.job.message.id) {
        finish({ kind: 'message', message });
      }
    };
    next.onCrash = (text) => {
      if (next !== worker || closed) return;
      discard(`worker crashed: ${text}`, (realMs) => ({ kind: 'crashed', message: text, realMs }));
      pump();
    };
    next.ready.then(
      () => {
        if (next !== worker) return;
        ready = true;
        pump();
      },
      (error: unknown) => {
        if (next !== worker) return;
        const text = error instanceof Error ? error.message : String(error);
        discard(`worker boot failed: ${text}`, (realMs) => ({ kind: 'crashed', message: text, realMs }));
        // A worker that cannot even boot would fail again: fail the waiting jobs instead of respawning.
        failQueued(`Python worker failed to start: ${text}`);
      },
    );
    return next;
  };

  /** The running phase waits on the world: its watchdog pauses while other jobs run in its place. */
  const wait = (answer: Promise<string>, live: PythonWorker) => {
    const w: { answer: string | null } = { answer: null };
    waits.push(w);
    listening = true;
    const waiting = nested.at(-1) ?? current;
    for (const timer of waiting?.timers.splice(0) ?? []) clearTimeout(timer);
    const fail = (error: unknown) =>
      JSON.stringify({
        kind: 'error',
        error: { code: 'InternalFailure', message: String(error), httpStatus: 500, errorKind: 'client' },
      });
    answer.then(
      (text) => {
        w.answer = text;
        feed(live);
      },
      (error: unknown) => {
        w.answer = fail(error);
        feed(live);
      },
    );
    feed(live);
  };

  /** Gives the listening worker the next queued job to run inside its wait, or the answer once it came. */
  function feed(live: PythonWorker) {
    if (live !== worker || !listening) return;
    const top = waits.at(-1);
    if (!top) return;
    const job = queue.shift();
    if (job) {
      listening = false;
      const frame = { job, started: performance.now(), timers: [] as Timer[] };
      nested.push(frame);
      arm(job, live, frame.timers);
      if (nestVia === 'message') live.post(job.message);
      else live.answerAws(`${NESTED_PREFIX}${JSON.stringify(job.message)}}`);
      return;
    }
    if (top.answer === null) return;
    waits.pop();
    listening = false;
    const resumed = nested.at(-1) ?? current;
    if (resumed) arm(resumed.job, live, resumed.timers);
    live.answerAws(top.answer);
  }

  const startJob = (job: Job, live: PythonWorker) => {
    const timers: Timer[] = [];
    current = { job, started: performance.now(), timers };
    arm(job, live, timers);
    live.post(job.message);
  };

  function arm(job: Job, live: PythonWorker, timers: Timer[]) {
    if (!job.budget) return;
    armWatchdog(job.budget, live, timers, graceMs, {
      stopping: () => events.watchdogStopped?.(),
      terminate() {
        discard('a runaway handler did not stop at its deadline', (realMs) => ({ kind: 'timedOut', realMs }));
        pump();
      },
    });
  }

  function pump() {
    if (current && worker && waits.length > 0) feed(worker);
    if (current || closed || queue.length === 0) return;
    if (!worker) worker = adopt();
    if (!ready) return;
    const job = queue.shift();
    if (job) startJob(job, worker);
  }

  return {
    envIds,
    run(message, budget) {
      return new Promise<JobResult>((resolve) => {
        queue.push({ message, budget, resolve });
        pump();
      });
    },
    runIfIdle(message) {
      if (closed || current || queue.length > 0 || !worker || !ready) return null;
      const live = worker;
      return new Promise<JobResult>((resolve) => startJob({ message, budget: undefined, resolve }, live));
    },
    warm() {
      if (!worker && !closed) worker = adopt();
    },
    close() {
      closed = true;
      const dead = worker;
      worker = null;
      failQueued('runtime closed');
      if (current) finish({ kind: 'crashed', message: 'runtime closed', realMs: 0 });
      dead?.terminate();
    },
  };
}

/** A report for a phase whose worker never answered. */
export function lostReport(outcome: RunReport['outcome'], realMs: number): RunReport {
  return { outcome, cpuMs: realMs, sleepMs: 0, maxMemoryMb: 0, logs: [] };
}
