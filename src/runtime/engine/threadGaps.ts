/**
 * Where the scheduler cannot be read (a browser worker), the time Python's thread stopped while it ran,
 * seen from inside. CPython's eval loop calls into JS every 50 checks of its eval breaker (about every
 * microsecond of pure Python) to read Pyodide's interrupt buffer, `Module.Py_EmscriptenSignalBuffer`.
 * Reading that property is made to look at the clock too, every few reads: an interval longer than GAP_MS
 * between two looks is time the thread was preempted, or spent in one long call into C, which the clock
 * tells apart with the load probes (lambda_lab_clock._unloaded).
 */
import type { PyodideAPI } from 'pyodide';

/**
 * The shortest stop that counts: a look every few reads is microseconds apart in running Python. A
 * coarser clock (a page that is not cross-origin isolated steps by 0.1 ms) raises it to three steps.
 */
export const GAP_MS = 0.1;
/** The clock is read at every EVERY-th read of the buffer (a read costs tens of nanoseconds). */
const EVERY = 8;
const BUFFER = 'Py_EmscriptenSignalBuffer';

/**
 * Installs the watch and returns the reader of the gaps so far in ms (the open interval up to now
 * included), or null when this Pyodide does not call in as expected (the clock then relies on the
 * probes alone). Python must be able to check for signals: a page without an interrupt buffer of its own
 * gets a private one, which nothing ever writes.
 */
export function watchThreadGaps(
  pyodide: PyodideAPI,
  { now = () => performance.now(), thresholdMs = Math.max(GAP_MS, 3 * clockStep(now)) } = {},
) {
  const module: unknown = Reflect.get(pyodide, '_module');
  if (typeof module !== 'object' || module === null) return null;
  let buffer: unknown = Reflect.get(module, BUFFER);
  let reads = 0;
  let last = now();
  let gaps = 0;
  const look = () => {
    const at = now();
    if (at - last > thresholdMs) gaps += at - last;
    last = at;
  };
  const installed = Reflect.defineProperty(module, BUFFER, {
    configurable: true,
    get() {
      reads += 1;
      if (reads % EVERY === 0) look();
      return buffer;
    },
    set(value: unknown) {
      buffer = value;
    },
  });
  if (!installed) return null;
  if (!buffer) pyodide.setInterruptBuffer(new Uint8Array(1));
  const before = reads;
  pyodide.runPython('for _ in range(2000): pass', { globals: pyodide.toPy({}) });
  if (reads === before) {
    Reflect.defineProperty(module, BUFFER, { configurable: true, writable: true, value: buffer });
    return null;
  }
  return (): number => {
    look();
    return gaps;
  };
}

/** The clock's typical step (the median of a few, so one preemption meanwhile does not count). */
function clockStep(now: () => number): number {
  const steps: number[] = [];
  for (let tick = 0; tick < 7; tick++) {
    const start = now();
    let next = now();
    while (next === start) next = now();
    steps.push(next - start);
  }
  return steps.sort((a, b) => a - b)[3] ?? 0;
}
