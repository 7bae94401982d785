/**
 * How long a thread ran and how long it waited for a core: Linux's /proc/<thread>/schedstat ("<run ns>
 * <wait ns> <slices>"). The runtime takes the wait out of the wall time it measures, so a machine whose
 * cores are busy does not inflate a handler's time; the pool's watchdog counts a worker's run time.
 */
import { openSync, readFileSync, readSync } from 'node:fs';

/** Reads the calling thread's schedstat line synchronously (a few microseconds), or null where there is none. */
export function createSchedstatReader(): (() => string) | null {
  let fd: number;
  try {
    // thread-self resolves when opened: the reader follows the thread that creates it.
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return null;
  }
  const buffer = Buffer.alloc(96);
  const read = (): string => buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
  try {
    return /^\d+ \d+ \d+/.test(read()) ? read : null;
  } catch {
    return null;
  }
}

/** CPU ms a thread of this process has run (schedstat's first field), or null when it cannot be read. */
export function threadCpuMs(tid: number): number | null {
  if (tid <= 0) return null;
  try {
    const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'latin1').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null;
  }
}
