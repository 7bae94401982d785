/**
 * The synchronous AWS call channel. Python's boto3 shim must get an answer before its next line runs, but
 * the simulated services live on the host's thread. The worker posts `awsCall` and blocks on shared memory;
 * the host answers by writing the response there (in chunks when it is long) and waking the worker. While
 * it waits the worker also watches the interrupt buffer, so a deadline still ends a handler stuck in a call.
 */
import { CHECK_SIGNAL } from './interrupts';

/**
 * A handler blocked on an AWS call whose answer waits on other work (a synchronous invoke of another
 * function) lets this worker run that work meanwhile: the answer it gets is a job to run first
 * (NESTED_PREFIX + the run message), and after reporting it the worker asks again with CONTINUE_CALL.
 */
export const NESTED_PREFIX = '{"kind":"nested","message":';
export const CONTINUE_CALL = '{"kind":"continue"}';

const HEADER_BYTES = 16;
/** Bytes of answer per chunk; longer answers take several round trips. */
export const CHUNK_BYTES = 256 * 1024;
const STATE = 0;
const LENGTH = 1;
const TOTAL = 2;
const IDLE = 0;
const READY = 1;
const WAIT_SLICE_MS = 50;

export function createAwsChannel(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + CHUNK_BYTES);
}

/** Host side: answers one call, chunk by chunk; `next()` is called on each `awsCallMore`. */
export function createChannelWriter(buffer: SharedArrayBuffer) {
  const header = new Int32Array(buffer, 0, 3);
  const data = new Uint8Array(buffer, HEADER_BYTES);
  let pending: Uint8Array | null = null;
  let offset = 0;
  const writeChunk = () => {
    if (!pending) return;
    const chunk = pending.subarray(offset, offset + CHUNK_BYTES);
    data.set(chunk);
    offset += chunk.length;
    Atomics.store(header, LENGTH, chunk.length);
    Atomics.store(header, TOTAL, pending.length);
    Atomics.store(header, STATE, READY);
    Atomics.notify(header, STATE);
    if (offset >= pending.length) pending = null;
  };
  return {
    answer(text: string) {
      pending = new TextEncoder().encode(text);
      offset = 0;
      writeChunk();
    },
    next: writeChunk,
  };
}

/**
 * Worker side: posts the request and blocks until the whole answer is there. Returns null when a stop
 * was written into the interrupt buffer while waiting (the caller lets Python raise KeyboardInterrupt).
 */
export function callThroughChannel(
  buffer: SharedArrayBuffer,
  interrupt: Uint8Array | null,
  post: (message: { type: 'awsCall'; requestJson: string; nestable: true } | { type: 'awsCallMore' }) => void,
  requestJson: string,
): string | null {
  const header = new Int32Array(buffer, 0, 3);
  const data = new Uint8Array(buffer, HEADER_BYTES);
  Atomics.store(header, STATE, IDLE);
  post({ type: 'awsCall', requestJson, nestable: true });
  const parts: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    while (Atomics.wait(header, STATE, IDLE, WAIT_SLICE_MS) === 'timed-out') {
      if (!interrupt) continue;
      // A deadline check is answered here: waiting on the host is not work, and the runtime checks the
      // deadline itself when the call returns. Only a stop ends the wait.
      Atomics.compareExchange(interrupt, 0, CHECK_SIGNAL, 0);
      if (Atomics.load(interrupt, 0) !== 0) return null;
    }
    const length = Atomics.load(header, LENGTH);
    const total = Atomics.load(header, TOTAL);
    parts.push(data.slice(0, length));
    received += length;
    Atomics.store(header, STATE, IDLE);
    if (received >= total) break;
    post({ type: 'awsCallMore' });
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Without shared memory (a page served over plain HTTP to another machine is not cross-origin isolated),
 * a worker can still wait for the host: Python enters the phase through JSPI (`callPromising`) and
 * suspends in `run_sync` on this promise until the host's `awsAnswer` message arrives.
 */
export function jspiAvailable(): boolean {
  return typeof Reflect.get(WebAssembly, 'Suspending') === 'function';
}

export function createMessageAwsCall(
  post: (message: { type: 'awsCall'; requestJson: string; nestable: 'message' }) => void,
) {
  // A callee's calls come while its caller's call waits: answers go to the innermost call first.
  const pending: ((text: string) => void)[] = [];
  return {
    call(requestJson: string): Promise<string> {
      return new Promise<string>((resolve) => {
        pending.push(resolve);
        post({ type: 'awsCall', requestJson, nestable: 'message' });
      });
    },
    answer(text: string): void {
      pending.pop()?.(text);
    },
  };
}
