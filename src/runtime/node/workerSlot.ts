/**
 * One Pyodide worker thread and its queue. Jobs run one at a time; each phase gets a real-time budget
 * (its virtual limit / cpuScale + slack). When the budget runs out the slot writes SIGINT into the
 * interrupt buffer (Python raises KeyboardInterrupt, which the runtime reports as a timeout); when that
 * does not land within the grace period, the worker is terminated, the job ends as a timeout and every
 * environment the worker held is reported lost. A crashed worker (a wasm out-of-memory, say) is treated
 * the same way. The next job starts a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import type { RunReport } from '../../sim/runtimePort';
import { PROTOCOL_VERSION, type RunMessage, type WorkerToHost } from '../protocol';

const SIGINT = 2;

export type JobResult =
  | { readonly kind: 'message'; readonly message: WorkerToHost }
  | { readonly kind: 'timedOut'; readonly realMs: number }
  | { readonly kind: 'crashed'; readonly message: string; readonly realMs: number };

interface Job {
  readonly message: RunMessage;
  readonly budgetMs: number | undefined;
  readonly resolve: (result: JobResult) => void;
}

export interface SlotEvents {
  /** The worker went away with these environments (terminated or crashed). */
  lost(envIds: readonly string[], reason: string): void;
  booted(ms: number): void;
}

export interface WorkerSlot {
  readonly envIds: Set<string>;
  run(message: RunMessage, budgetMs: number | undefined): Promise<JobResult>;
  close(): Promise<void>;
}

const workerUrl = new URL('./nodeRuntime.worker.mjs', import.meta.url);

export function createWorkerSlot(graceMs: number, events: SlotEvents): WorkerSlot {
  const envIds = new Set<string>();
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let ready = false;
  let current: { job: Job; started: number; timers: NodeJS.Timeout[] } | null = null;
  let closed = false;
  const interrupt = new Uint8Array(new SharedArrayBuffer(1));

  const finish = (result: JobResult) => {
    if (!current) return;
    for (const timer of current.timers) clearTimeout(timer);
    // An interrupt that arrived after the phase ended must not hit the next one.
    Atomics.store(interrupt, 0, 0);
    const { job } = current;
    current = null;
    job.resolve(result);
    pump();
  };

  const discard = (reason: string, result: (job: Job, realMs: number) => JobResult) => {
    const dead = worker;
    worker = null;
    ready = false;
    if (dead) void dead.terminate();
    const lost = [...envIds];
    envIds.clear();
    if (lost.length > 0) events.lost(lost, reason);
    if (current) finish(result(current.job, performance.now() - current.started));
  };

  const spawn = (): Worker => {
    const started = performance.now();
    // A clean execArgv: the bootstrap registers tsx itself, after Pyodide has loaded without it.
    const next = new Worker(workerUrl, { execArgv: [] });
    next.on('message', (message: WorkerToHost) => {
      if (next !== worker) return;
      if (message.type === 'ready') {
        ready = true;
        events.booted(performance.now() - started);
        pump();
      } else if (message.type === 'bootFailed') {
        discard(`worker boot failed: ${message.message}`, (_, realMs) => ({
          kind: 'crashed',
          message: message.message,
          realMs,
        }));
        failQueued(`Python worker failed to start: ${message.message}`);
      } else if (message.type === 'fatal') {
        // The reply to the current job follows; after it, the worker is replaced.
        queueMicrotask(() =>
          discard(`interpreter failed: ${message.message}`, (_, realMs) => ({
            kind: 'crashed',
            message: message.message,
            realMs,
          })),
        );
      } else if ('id' in message && current && message.id === current.job.message.id) {
        finish({ kind: 'message', message });
      }
    });
    const crashed = (text: string) => {
      if (next !== worker || closed) return;
      const booting = !ready;
      discard(`worker crashed: ${text}`, (_, realMs) => ({ kind: 'crashed', message: text, realMs }));
      // A worker that cannot even boot would fail again: fail the waiting jobs instead of respawning.
      if (booting) failQueued(`Python worker failed to start: ${text}`);
      pump();
    };
    next.on('error', (error) => crashed(error instanceof Error ? error.message : String(error)));
    next.on('exit', (code) => crashed(`exit code ${code}`));
    next.postMessage({ type: 'boot', v: PROTOCOL_VERSION, options: { interruptBuffer: interrupt.buffer } });
    return next;
  };

  const startJob = (job: Job, live: Worker) => {
    const timers: NodeJS.Timeout[] = [];
    current = { job, started: performance.now(), timers };
    if (job.budgetMs !== undefined) {
      timers.push(
        setTimeout(() => {
          Atomics.store(interrupt, 0, SIGINT);
          timers.push(
            setTimeout(() => {
              discard('a runaway handler did not stop at its deadline', (_, realMs) => ({
                kind: 'timedOut',
                realMs,
              }));
              pump();
            }, graceMs),
          );
        }, job.budgetMs),
      );
    }
    live.postMessage(job.message);
  };

  function failQueued(message: string) {
    for (const job of queue.splice(0)) job.resolve({ kind: 'crashed', message, realMs: 0 });
  }

  function pump() {
    if (current || closed || queue.length === 0) return;
    if (!worker) worker = spawn();
    if (!ready) return;
    const job = queue.shift();
    if (job) startJob(job, worker);
  }

  return {
    envIds,
    run(message, budgetMs) {
      return new Promise<JobResult>((resolve) => {
        queue.push({ message, budgetMs, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      const dead = worker;
      worker = null;
      failQueued('runtime closed');
      if (current) finish({ kind: 'crashed', message: 'runtime closed', realMs: 0 });
      if (dead) await dead.terminate();
    },
  };
}

/** A report for a phase whose worker never answered. */
export function lostReport(outcome: RunReport['outcome'], realMs: number): RunReport {
  return { outcome, cpuMs: realMs, sleepMs: 0, maxMemoryMb: 0, logs: [] };
}
