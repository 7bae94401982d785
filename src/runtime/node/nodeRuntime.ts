/**
 * The Node host: a RuntimePort over a small pool of Pyodide worker threads (for tests and the headless CLI).
 * Environments are placed on the least-loaded worker and stay there; a worker that is terminated (a handler
 * that ignored its interrupt) or crashes (a wasm out-of-memory) takes its environments with it, which the
 * host reports through `onEnvironmentsLost` before starting a fresh worker.
 */
import type { InitRequest, InvokeRequest, RunReport, RuntimePort } from '../../sim/runtimePort';
import type { QuickRunRequest, QuickRunResult, RunMessage } from '../protocol';
import { createWorkerSlot, type JobResult, lostReport, type WorkerSlot } from './workerSlot';

export interface NodeRuntimeOptions {
  /** Worker threads (interpreters) to spread environments over; default 1. */
  readonly workers?: number;
  /** Real ms between the interrupt and terminating a worker whose handler ignores it; default 1000. */
  readonly graceMs?: number;
  /** Real ms added to each phase's budget before the interrupt, for the runtime's own work; default 100. */
  readonly slackMs?: number;
  /** Environments that vanished with their worker; the sim should treat them as shut down. */
  readonly onEnvironmentsLost?: (envIds: readonly string[], reason: string) => void;
}

export interface NodeRuntime extends RuntimePort {
  quickRun(request: QuickRunRequest): Promise<QuickRunResult>;
  /** Real ms each worker took to boot, in start order (for measurements and the lab's boot panel). */
  readonly bootTimes: readonly number[];
  close(): Promise<void>;
}

const MEMORY_HINT = /memory|allocation failed|Aborted\(OOM\)/i;

export function createNodeRuntime(options: NodeRuntimeOptions = {}): NodeRuntime {
  const graceMs = options.graceMs ?? 1000;
  const slackMs = options.slackMs ?? 100;
  const bootTimes: number[] = [];
  const envSlot = new Map<string, WorkerSlot>();
  const cpuScale = new Map<string, number>();
  let nextId = 1;

  const slots: WorkerSlot[] = Array.from({ length: Math.max(1, options.workers ?? 1) }, () =>
    createWorkerSlot(graceMs, {
      lost(envIds, reason) {
        for (const envId of envIds) {
          envSlot.delete(envId);
          cpuScale.delete(envId);
        }
        options.onEnvironmentsLost?.(envIds, reason);
      },
      booted: (ms) => void bootTimes.push(ms),
    }),
  );

  const leastLoaded = () => slots.reduce((best, slot) => (slot.envIds.size < best.envIds.size ? slot : best));

  const asReport = (result: JobResult): RunReport => {
    if (result.kind === 'timedOut') return lostReport({ status: 'timeout' }, result.realMs);
    if (result.kind === 'crashed') {
      const outcome = MEMORY_HINT.test(result.message)
        ? ({ status: 'outOfMemory' } as const)
        : ({ status: 'crash', message: `Runtime exited with error: ${result.message}` } as const);
      return lostReport(outcome, result.realMs);
    }
    const { message } = result;
    if (message.type === 'runReport') return message.report;
    if (message.type === 'failed') throw new Error(message.message);
    throw new Error(`Unexpected reply ${message.type}`);
  };

  const budget = (virtualMs: number, scale: number) => Math.max(virtualMs, 0) / scale + slackMs;

  return {
    bootTimes,

    async init(request: InitRequest) {
      const { envId } = request.env;
      const slot = envSlot.get(envId) ?? leastLoaded();
      envSlot.set(envId, slot);
      slot.envIds.add(envId);
      cpuScale.set(envId, request.env.cpuScale);
      const message: RunMessage = { type: 'init', id: nextId++, request };
      return asReport(await slot.run(message, budget(request.limitMs, request.env.cpuScale)));
    },

    async invoke(request: InvokeRequest) {
      const slot = envSlot.get(request.envId);
      if (!slot) return lostReport({ status: 'crash', message: `Environment ${request.envId} is gone` }, 0);
      const scale = cpuScale.get(request.envId) ?? 1;
      const message: RunMessage = { type: 'invoke', id: nextId++, request };
      return asReport(await slot.run(message, budget(request.deadlineMs - request.nowMs, scale)));
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
      // Init (10 s) plus the 3 s invoke of the quick-run function, in real time.
      const result = await leastLoaded().run({ type: 'quickRun', id: nextId++, request }, 13_000 + slackMs);
      if (result.kind === 'message' && result.message.type === 'quickRunResult') return result.message.result;
      const report = asReport(result);
      return { ok: false, payloadJson: JSON.stringify(report.outcome), stdout: [], durationMs: report.cpuMs };
    },

    async close() {
      await Promise.all(slots.map((slot) => slot.close()));
    },
  };
}
