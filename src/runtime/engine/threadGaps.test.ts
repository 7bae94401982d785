/**
 * The thread's gaps seen from inside (threadGaps.ts), on a clock the test moves: Python calls `stall`,
 * which moves the clock on as a preemption (or a long call into C) would, with no read of the interrupt
 * buffer meanwhile.
 */
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { watchThreadGaps } from './threadGaps';

let pyodide: PyodideAPI;
let clock = 0;
let gaps: () => number;

beforeAll(async () => {
  pyodide = await loadPyodide();
  // Reading the clock never moves it: only a stall does.
  const reader = watchThreadGaps(pyodide, { now: () => clock, thresholdMs: 0.1 });
  if (!reader) throw new Error('this Pyodide does not call in to read its interrupt buffer');
  gaps = reader;
  pyodide.registerJsModule('test_clock', {
    stall: (ms: number) => {
      clock += ms;
    },
  });
});

const run = (code: string) => pyodide.runPython(code, { globals: pyodide.toPy({}) });

describe('the thread gaps seen from inside', () => {
  it('counts a stop while Python runs, and nothing while it runs without one', () => {
    const before = gaps();
    run('total = 0\nfor i in range(20_000):\n    total += i');
    expect(gaps()).toBe(before);
    run('from test_clock import stall\nfor i in range(20_000):\n    if i == 10_000:\n        stall(7.5)');
    expect(gaps() - before).toBe(7.5);
  });

  it('counts a stop still open when it is read, and steps under the threshold not at all', () => {
    const before = gaps();
    run('from test_clock import stall\nstall(3)');
    expect(gaps() - before).toBe(3);
    run('from test_clock import stall\nfor i in range(20_000):\n    if i % 100 == 0:\n        stall(0.01)');
    expect(gaps() - before).toBe(3);
  });

  it('is not installed where Pyodide does not read its interrupt buffer, and leaves it as it was', () => {
    const module: Record<string, unknown> = { Py_EmscriptenSignalBuffer: null };
    const silent = {
      _module: module,
      setInterruptBuffer: (buffer: unknown) => {
        module.Py_EmscriptenSignalBuffer = buffer;
      },
      runPython: () => undefined,
      toPy: () => ({}),
    } as unknown as PyodideAPI;
    expect(watchThreadGaps(silent, { now: () => 0, thresholdMs: 0.1 })).toBeNull();
    const descriptor = Object.getOwnPropertyDescriptor(module, 'Py_EmscriptenSignalBuffer');
    expect(descriptor?.get).toBeUndefined();
    expect(descriptor?.value).toBeInstanceOf(Uint8Array);
  });
});
