/**
 * This thread's scheduler run delay: the ms it was ready to run but waited for a core (Linux's
 * /proc/thread-self/schedstat, second field, in ns). Wall time minus run delay is the time the thread
 * really ran, so a machine whose cores are busy does not inflate a handler's measured time.
 */
import { openSync, readFileSync, readSync } from 'node:fs';

/** A synchronous counter for the calling thread, or null where schedstat cannot be read. */
export function createRunDelayCounter(): (() => number) | null {
  let fd: number;
  try {
    // thread-self resolves when opened: the counter follows the thread that creates it.
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return null;
  }
  const buffer = Buffer.alloc(96);
  const read = (): number => {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const fields = buffer.toString('latin1', 0, length).split(' ');
    return Number(fields[1]) / 1e6;
  };
  try {
    return Number.isFinite(read()) ? read : null;
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
