/**
 * Main-thread side of the browser Python worker: starts it, relays boot phases, and turns quick runs into
 * promises. A runaway run is ended by the interrupt buffer when the page is cross-origin isolated, and by
 * terminating the worker otherwise.
 */
import {
  type BootPhase,
  type HandlersOf,
  type HostToWorker,
  PROTOCOL_VERSION,
  type QuickRunRequest,
  type QuickRunResult,
  type WorkerToHost,
} from '../protocol';

export interface BootEvents {
  onPhase(
    phase: BootPhase,
    state: 'start' | 'progress' | 'end',
    ms: number,
    loaded?: number,
    total?: number,
  ): void;
  onReady(info: {
    fromSnapshot: boolean;
    phaseMs: Readonly<Record<BootPhase, number>>;
    sinceStartMs: number;
  }): void;
  onFailed(phase: BootPhase, message: string): void;
}

export interface PythonHost {
  quickRun(request: QuickRunRequest): Promise<QuickRunResult>;
  /** Ends the worker and every pending call; a new host is needed afterwards. */
  terminate(reason: string): void;
  readonly isolated: boolean;
}

export interface HostOptions {
  readonly baseUrl: string;
  /** False skips the memory snapshot and boots Python the plain way (`?snapshot=off`). */
  readonly useSnapshot: boolean;
}

export function createPythonHost({ baseUrl, useSnapshot }: HostOptions, events: BootEvents): PythonHost {
  const started = performance.now();
  const worker = new Worker(new URL('./python.worker.ts', import.meta.url), {
    type: 'module',
    name: 'python',
  });
  const isolated = typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
  const interruptBuffer = isolated ? new SharedArrayBuffer(1) : undefined;
  const calls = new Map<number, { resolve: (r: QuickRunResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let dead = false;

  const send = (message: HostToWorker) => worker.postMessage(message);
  const settle = (id: number) => {
    const call = calls.get(id);
    calls.delete(id);
    return call;
  };

  const handlers = {
    phase: (m) => events.onPhase(m.phase, m.state, m.ms, m.loadedBytes, m.totalBytes),
    ready: (m) => {
      if (m.v !== PROTOCOL_VERSION) {
        events.onFailed(
          'ready',
          `The Python worker speaks protocol ${m.v}, the page ${PROTOCOL_VERSION}. Reload the page.`,
        );
        return;
      }
      events.onReady({
        fromSnapshot: m.fromSnapshot,
        phaseMs: m.phaseMs,
        sinceStartMs: performance.now() - started,
      });
    },
    bootFailed: (m) => events.onFailed(m.phase, m.message),
    quickRunResult: (m) => settle(m.id)?.resolve(m.result),
    runReport: () => {},
    destroyed: () => {},
    failed: (m) => settle(m.id)?.reject(new Error(m.message)),
    fatal: (m) => events.onFailed('interpreter', `The Python interpreter stopped working: ${m.message}`),
  } satisfies HandlersOf<WorkerToHost>;

  worker.onmessage = (event: MessageEvent<WorkerToHost>) => {
    const message = event.data;
    (handlers[message.type] as (m: WorkerToHost) => void)(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (!dead)
      events.onFailed('interpreter', `The Python worker crashed: ${event.message || 'unknown error'}`);
  };

  send({
    type: 'boot',
    v: PROTOCOL_VERSION,
    options: {
      indexUrl: new URL(`${baseUrl}pyodide/`, location.href).href,
      snapshotUrl: useSnapshot ? new URL(`${baseUrl}pyodide/snapshot.bin`, location.href).href : undefined,
      interruptBuffer,
    },
  });

  return {
    isolated,
    quickRun(request) {
      if (dead) return Promise.reject(new Error('The Python worker has stopped.'));
      const id = nextId++;
      return new Promise<QuickRunResult>((resolve, reject) => {
        calls.set(id, { resolve, reject });
        send({ type: 'quickRun', id, request });
      });
    },
    terminate(reason) {
      dead = true;
      worker.terminate();
      for (const [id, call] of calls) {
        calls.delete(id);
        call.reject(new Error(reason));
      }
    },
  };
}
