/**
 * What the host writes into Pyodide's interrupt buffer: a signal number, which CPython hands to the Python
 * handler installed for it at its next periodic check (a handler left at SIG_DFL or SIG_IGN drops it), and
 * Pyodide sets the buffer back to 0 as it takes it, so a 0 tells the host that Python is running bytecode.
 * The runtime's handlers are in lambda_lab_stop.py; runtime/engine/deadlineCheck.test.ts fails on drift.
 */

/** Stop now (SIGINT): KeyboardInterrupt, the phase ends as a timeout. */
export const STOP_SIGNAL = 2;

/**
 * Check the deadline (SIGXCPU in Emscripten's libc): the phase ends as a timeout only when its modeled
 * time is past its deadline, else it runs on. The browser's watchdog asks this instead of stopping.
 */
export const CHECK_SIGNAL = 24;
