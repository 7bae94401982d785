/**
 * A booted Python worker, whatever hosts it (a browser Web Worker or a Node worker thread). Host adapters
 * wrap their worker as a RawWorker; startPythonWorker sends `boot`, follows the phases, and afterwards
 * hands run replies to the slot that owns the worker.
 */
import { createAwsChannel, createChannelWriter } from '../awsChannel';
import { CHECK_SIGNAL, STOP_SIGNAL } from '../interrupts';
import {
  type BootOptions,
  type BootPhase,
  type HostToWorker,
  PROTOCOL_VERSION,
  type WorkerToHost,
} from '../protocol';

export interface RawWorker {
  postMessage(message: HostToWorker): void;
  terminate(): void;
  /** Calls back with every message, and once if the worker dies (error or exit). */
  listen(onMessage: (message: WorkerToHost) => void, onCrash: (reason: string) => void): void;
  /** CPU ms the worker's thread has run so far, where the host can read it (Node on Linux); else null. */
  threadCpuMs?(): number | null;
}

export interface BootInfo {
  readonly ms: number;
  readonly fromSnapshot: boolean;
  readonly phaseMs: Readonly<Record<BootPhase, number>>;
}

export interface PythonWorker {
  readonly ready: Promise<BootInfo>;
  post(message: HostToWorker): void;
  terminate(): void;
  /** Asks Python to raise KeyboardInterrupt; false when the host has no shared memory for it. */
  interrupt(): boolean;
  /**
   * Asks Python to check its phase's modeled deadline (see interrupts.ts): 'asked'; 'pending' while the
   * last signal waits to be taken (Python is inside a call into C code, or stuck); 'unsupported'
   * without shared memory.
   */
  askDeadline(): 'asked' | 'pending' | 'unsupported';
  /** Answers the handler's pending AWS call, or sends the next chunk of a long answer. */
  answerAws(text: string): void;
  nextAwsChunk(): void;
  clearInterrupt(): void;
  /** CPU ms its thread has run, or null where unknown: lets the watchdog ignore time spent waiting for a core. */
  threadCpuMs(): number | null;
  /** Set by the owner: run replies and `fatal` after boot. */
  onMessage: ((message: WorkerToHost) => void) | null;
  /** Set by the owner: the worker died after boot. */
  onCrash: ((reason: string) => void) | null;
}

export type PhaseListener = (message: Extract<WorkerToHost, { type: 'phase' }>) => void;

export function startPythonWorker(
  raw: RawWorker,
  options: Omit<BootOptions, 'interruptBuffer' | 'awsChannel'>,
  onPhase?: PhaseListener,
): PythonWorker {
  const started = performance.now();
  const shared =
    typeof SharedArrayBuffer === 'function' && canShareMemory() ? new SharedArrayBuffer(1) : undefined;
  const interrupt = shared ? new Uint8Array(shared) : null;
  const awsChannel = shared ? createAwsChannel() : undefined;
  const awsWriter = awsChannel ? createChannelWriter(awsChannel) : null;
  let booted = false;
  let dead = false;
  let resolveReady: (info: BootInfo) => void = () => {};
  let rejectReady: (error: Error) => void = () => {};
  const ready = new Promise<BootInfo>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A failed boot is reported through `ready`; nobody has to await it for the process to stay healthy.
  ready.catch(() => undefined);

  const worker: PythonWorker = {
    ready,
    post: (message) => raw.postMessage(message),
    terminate() {
      dead = true;
      raw.terminate();
      if (!booted) rejectReady(new Error('The Python worker was stopped before it was ready.'));
    },
    interrupt() {
      if (!interrupt) return false;
      Atomics.store(interrupt, 0, STOP_SIGNAL);
      return true;
    },
    askDeadline() {
      if (!interrupt) return 'unsupported';
      return Atomics.compareExchange(interrupt, 0, 0, CHECK_SIGNAL) === 0 ? 'asked' : 'pending';
    },
    clearInterrupt() {
      if (interrupt) Atomics.store(interrupt, 0, 0);
    },
    // Without shared memory the worker waits for the answer as a message (JSPI; see awsChannel.ts).
    answerAws: (text) => (awsWriter ? awsWriter.answer(text) : raw.postMessage({ type: 'awsAnswer', text })),
    nextAwsChunk: () => awsWriter?.next(),
    threadCpuMs: () => raw.threadCpuMs?.() ?? null,
    onMessage: null,
    onCrash: null,
  };

  raw.listen(
    (message) => {
      if (dead) return;
      switch (message.type) {
        case 'phase':
          onPhase?.(message);
          return;
        case 'ready':
          if (message.v !== PROTOCOL_VERSION) {
            rejectReady(
              new Error(
                `The Python worker speaks protocol ${message.v}, the host ${PROTOCOL_VERSION}. Reload.`,
              ),
            );
            return;
          }
          booted = true;
          resolveReady({
            ms: performance.now() - started,
            fromSnapshot: message.fromSnapshot,
            phaseMs: message.phaseMs,
          });
          return;
        case 'bootFailed':
          dead = true;
          rejectReady(new BootError(message.phase, message.message));
          raw.terminate();
          return;
        default:
          worker.onMessage?.(message);
      }
    },
    (reason) => {
      if (dead) return;
      dead = true;
      if (!booted) rejectReady(new BootError('interpreter', `The Python worker crashed: ${reason}`));
      else worker.onCrash?.(reason);
    },
  );
  raw.postMessage({
    type: 'boot',
    v: PROTOCOL_VERSION,
    options: { ...options, interruptBuffer: shared, awsChannel },
  });
  return worker;
}

export class BootError extends Error {
  constructor(
    readonly phase: BootPhase,
    message: string,
  ) {
    super(message);
    this.name = 'BootError';
  }
}

/** Browsers expose SharedArrayBuffer only when cross-origin isolated; Node always can. */
function canShareMemory(): boolean {
  const isolated: unknown = Reflect.get(globalThis, 'crossOriginIsolated');
  return isolated === undefined || isolated === true;
}
