/**
 * A RuntimePort over a small pool of Python workers, for any host. Environments are placed on the
 * least-loaded worker and stay there. A warm spare is kept booted, so a worker lost to a runaway handler
 * is replaced at once instead of after a fresh Pyodide start.
 */
import type { InitRequest, InvokeRequest, RunReport, RuntimePort, WorkModel } from '../../sim/runtimePort';
import type { QuickRunRequest, QuickRunResult, RunMessage, SyntaxProblem } from '../protocol';
import type { BootInfo, PythonWorker } from './pythonWorker';
import type { Budget } from './watchdog';
import { createWorkerSlot, type JobResult, lostReport, type WorkerSlot } from './workerSlot';

export interface PooledRuntimeOptions {
  /** Starts one Python worker (the host adapter: Web Worker or worker thread). */
  readonly spawn: () => PythonWorker;
  /** Workers (interpreters) to spread environments over; default 1. */
  readonly workers?: number;
  /** Keep one extra booted worker to replace a lost one at once; default false. */
  readonly spare?: boolean;
  /** Real ms to wait after the first boot before booting the spare; default 0. */
  readonly spareDelayMs?: number;
  /** Real ms between the interrupt and terminating a worker whose handler ignores it; default 1000. */
  readonly graceMs?: number;
  /** Real ms added to each phase's budget before the interrupt, for the runtime's own work; default 100. */
  readonly slackMs?: number;
  /** Environments that vanished with their worker; the sim should treat them as shut down. */
  readonly onEnvironmentsLost?: (envIds: readonly string[], reason: string) => void;
  /** Every worker's boot, in start order. */
  readonly onBoot?: (info: BootInfo) => void;
  /** Answers a handler's synchronous AWS call (JSON in, JSON out); without it boto3 calls fail. */
  readonly awsCall?: (requestJson: string) => string | Promise<string>;
  /** A worker that could not start (a missing file, a failed compile, a crash during boot). */
  readonly onBootFailed?: (error: unknown) => void;
  /** The watchdog stopped a phase itself, the runtime not having ended it at its deadline (watchdog.ts). */
  readonly onWatchdogStop?: () => void;
}

export interface PooledRuntime extends RuntimePort {
  quickRun(request: QuickRunRequest): Promise<QuickRunResult>;
  /**
   * Python's verdict on the files' syntax, from a worker with nothing to do; null when every worker is
   * busy or still starting (the check never waits behind a handler: ask again later).
   */
  checkSyntax(files: Readonly<Record<string, string>>): Promise<readonly SyntaxProblem[] | null>;
  /** Real ms each worker took to boot, in start order. */
  readonly bootTimes: readonly number[];
  /** Starts the workers now rather than at the first request. */
  warm(): void;
  close(): Promise<void>;
}

const MEMORY_HINT = /memory|allocation failed|Aborted\(OOM\)/i;
/** Real time of counted work against measured (a callback per event: about 3x), with room to spare. */
const COUNTED_SLOWDOWN = 8;

export function createPooledRuntime(options: PooledRuntimeOptions): PooledRuntime {
  const graceMs = options.graceMs ?? 1000;
  const slackMs = options.slackMs ?? 100;
  const bootTimes: number[] = [];
  const envSlot = new Map<string, WorkerSlot>();
  const cpuScale = new Map<string, number>();
  let spare: PythonWorker | null = null;
  let closed = false;
  // The spare boots only once a worker has booted: on 2 cores, booting both at once delays the first.
  let anyBooted = false;
  let spareWanted = false;
  let nextId = 1;

  const spawn = (): PythonWorker => {
    const worker = options.spawn();
    worker.ready.then(
      (info) => {
        bootTimes.push(info.ms);
        anyBooted = true;
        options.onBoot?.(info);
        // Later, so the spare's boot does not compete with the learner's first runs for the CPU.
        if (spareWanted) setTimeout(refillSpare, options.spareDelayMs ?? 0);
      },
      (error: unknown) => options.onBootFailed?.(error),
    );
    return worker;
  };
  function refillSpare() {
    if (!options.spare || closed || spare) return;
    spareWanted = !anyBooted;
    if (anyBooted) spare = spawn();
  }
  const acquire = (): PythonWorker => {
    const taken = spare;
    spare = null;
    refillSpare();
    return taken ?? spawn();
  };

  const slots: WorkerSlot[] = Array.from({ length: Math.max(1, options.workers ?? 1) }, () =>
    createWorkerSlot(acquire, graceMs, {
      lost(envIds, reason) {
        for (const envId of envIds) {
          envSlot.delete(envId);
          cpuScale.delete(envId);
        }
        options.onEnvironmentsLost?.(envIds, reason);
      },
      awsCall: options.awsCall,
      watchdogStopped: options.onWatchdogStop,
    }),
  );

  const leastLoaded = () => slots.reduce((best, slot) => (slot.envIds.size < best.envIds.size ? slot : best));

  // vCPU ms per ms measured on this machine, learnt from the reports (the runtime calibrates itself);
  // until the first one, a slow guess, so an early budget errs long.
  let workFactor = 0.25;
  // The share of a core the last measured phase got (estimated where the host cannot read the scheduler):
  // in a browser the watchdog's real-time limits stretch by it (watchdog.ts).
  let loadShare = 1;
  const learn = (report: RunReport): RunReport => {
    const measured = report.workModel !== 'counted';
    if (measured && report.localMs !== undefined && report.localMs > 0.5)
      workFactor = report.cpuMs / report.localMs;
    if (measured && report.loadShare !== undefined) loadShare = report.loadShare;
    return report;
  };
  const asReport = (result: JobResult): RunReport => {
    if (result.kind === 'timedOut') return lostReport({ status: 'timeout' }, result.realMs * workFactor);
    if (result.kind === 'crashed') {
      const outcome = MEMORY_HINT.test(result.message)
        ? ({ status: 'outOfMemory' } as const)
        : ({ status: 'crash', message: result.message } as const);
      return lostReport(outcome, result.realMs * workFactor);
    }
    const { message } = result;
    if (message.type === 'runReport') return message.report;
    if (message.type === 'failed') throw new Error(message.message);
    throw new Error(`Unexpected reply ${message.type}`);
  };

  // Local ms of work before the watchdog steps in: the modeled limit in this machine's ms, plus a
  // quarter (the runtime itself decides a timeout in modeled time; the watchdog only stops runaways).
  // Counted work runs slower (a Python callback per event) and its deadline falls at an exact count,
  // so its watchdog waits longer: it must never cut a phase the count would still let run.
  const budget = (virtualMs: number, scale: number, model: WorkModel | undefined): Budget => ({
    workMs:
      (Math.max(virtualMs, 0) / (scale * workFactor)) * (model === 'counted' ? COUNTED_SLOWDOWN : 1.25) +
      slackMs,
    loadShare,
  });

  return {
    bootTimes,
    warm() {
      for (const slot of slots) slot.warm();
      refillSpare();
    },

    async init(request: InitRequest) {
      const { envId } = request.env;
      const slot = envSlot.get(envId) ?? leastLoaded();
      envSlot.set(envId, slot);
      slot.envIds.add(envId);
      cpuScale.set(envId, request.env.cpuScale);
      const message: RunMessage = { type: 'init', id: nextId++, request };
      // Init runs at full CPU whatever the memory (the runtime's clock does the same).
      return learn(asReport(await slot.run(message, budget(request.limitMs, 1, request.workModel))));
    },

    async invoke(request: InvokeRequest) {
      const slot = envSlot.get(request.envId);
      if (!slot) return lostReport({ status: 'crash', message: `Environment ${request.envId} is gone` }, 0);
      const scale = cpuScale.get(request.envId) ?? 1;
      const message: RunMessage = { type: 'invoke', id: nextId++, request };
      const limitMs = request.deadlineMs - request.nowMs;
      return learn(asReport(await slot.run(message, budget(limitMs, scale, request.workModel))));
    },

    async destroy(envId: string) {
      const slot = envSlot.get(envId);
      if (!slot) return;
      envSlot.delete(envId);
      cpuScale.delete(envId);
      slot.envIds.delete(envId);
      const result = await slot.run({ type: 'destroy', id: nextId++, envId }, undefined);
      if (result.kind === 'message' && result.message.type === 'failed')
        throw new Error(result.message.message);
    },

    async quickRun(request: QuickRunRequest) {
      // Init (10 s) plus the 3 s invoke of the quick-run function, both at full CPU.
      const result = await leastLoaded().run(
        { type: 'quickRun', id: nextId++, request },
        budget(13_000, 1, 'measured'),
      );
      if (result.kind === 'message' && result.message.type === 'quickRunResult') return result.message.result;
      const report = asReport(result);
      return { ok: false, payloadJson: JSON.stringify(report.outcome), stdout: [], durationMs: report.cpuMs };
    },

    async checkSyntax(files) {
      const message: RunMessage = { type: 'checkSyntax', id: nextId++, files };
      for (const slot of slots) {
        const pending = slot.runIfIdle(message);
        if (!pending) continue;
        const result = await pending;
        if (result.kind === 'message' && result.message.type === 'syntaxResult')
          return result.message.problems;
        if (result.kind === 'message' && result.message.type === 'failed')
          throw new Error(result.message.message);
        return null;
      }
      return null;
    },

    async close() {
      closed = true;
      for (const slot of slots) slot.close();
      spare?.terminate();
      spare = null;
    },
  };
}
