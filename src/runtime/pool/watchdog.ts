/**
 * The watchdog of one phase: it stops a runaway, never decides a timeout the runtime would not. Python
 * decides timeouts in modeled time (load-corrected); the watchdog steps in only past the phase's budget,
 * the modeled limit in local ms of work (see pooledRuntime.ts).
 * - Where the host reads the worker thread's CPU time (Node), the budget is CPU time: waiting for a busy
 *   core does not count. Past it, Python is interrupted (KeyboardInterrupt, reported as a timeout).
 * - Elsewhere (a browser) real time is all the host has, and a busy machine stretches it. So past the
 *   budget in real time the watchdog asks rather than stops: it writes CHECK_SIGNAL into the interrupt
 *   buffer, and the runtime (lambda_lab_stop.py) ends the phase only if its modeled time is past the
 *   deadline. Python taking the signal (the buffer back at 0) shows it is alive, so the question is asked
 *   again every quarter budget. It is stopped outright only when a question waits longer than the grace
 *   period past the load-scaled limit (Python inside one long call into C code, or stuck), or at the cap,
 *   whatever it answers (a handler that ignores the question, a clock gone wrong).
 * - Without shared memory (a page that is not cross-origin isolated) the host can neither ask nor
 *   interrupt: the worker is terminated at the load-scaled limit.
 * The load-scaled limit is WALL_ALLOWANCE x the budget / the share of a core the last measured phase got.
 */
import type { PythonWorker } from './pythonWorker';

export interface Budget {
  /** Local ms of work the phase may take: its modeled limit in this machine's ms, with margins. */
  readonly workMs: number;
  /** The share of a core the last measured phase got (estimated in a browser), 1 where unknown. */
  readonly loadShare: number;
}

/** Real time per ms of work that a machine as busy as the last phase saw is given, with room for more load. */
export const WALL_ALLOWANCE = 2;
/** The least share of a core believed; the runtime's clock never bills less than it either (SHARE_FLOOR). */
export const SHARE_FLOOR = 0.1;
/** Real time past which a phase is stopped whatever it answers: the load-scaled limit at the floor share. */
export const CAP_ALLOWANCE = WALL_ALLOWANCE / SHARE_FLOOR;
const MIN_RECHECK_MS = 10;
const MIN_ASK_MS = 25;

type Timer = ReturnType<typeof setTimeout>;

export interface WatchdogActions {
  /** The watchdog stops the phase itself: an interrupt, or at once `terminate` (for diagnostics and tests). */
  stopping(): void;
  /** Ends the worker, and the phase as a timeout. */
  terminate(): void;
}

/**
 * Arms the watchdog of a phase that starts (or resumes) now on `live`. Its timers go into `timers`, which
 * the owner clears when the phase ends or waits.
 */
export function armWatchdog(
  budget: Budget,
  live: PythonWorker,
  timers: Timer[],
  graceMs: number,
  actions: WatchdogActions,
): void {
  const later = (run: () => void, ms: number): void => {
    timers.push(setTimeout(run, ms));
  };
  const stop = () => {
    actions.stopping();
    if (live.interrupt()) later(actions.terminate, graceMs);
    else actions.terminate();
  };
  const work = budget.workMs;
  const cpuAtStart = live.threadCpuMs();
  if (cpuAtStart !== null) {
    const check = () => {
      const cpuNow = live.threadCpuMs();
      const used = cpuNow === null ? work : cpuNow - cpuAtStart;
      if (used >= work) stop();
      else later(check, Math.max(work - used, MIN_RECHECK_MS));
    };
    later(check, work);
    return;
  }
  const started = performance.now();
  const share = Math.min(Math.max(budget.loadShare, SHARE_FLOOR), 1);
  const limitMs = (work * WALL_ALLOWANCE) / share;
  const capMs = work * CAP_ALLOWANCE;
  const every = Math.max(work / 4, MIN_ASK_MS);
  let askedAt = started;
  const ask = () => {
    const now = performance.now();
    const elapsed = now - started;
    if (elapsed >= capMs) return stop();
    const answer = live.askDeadline();
    if (answer === 'unsupported') {
      if (elapsed >= limitMs) stop();
      else later(ask, limitMs - elapsed);
      return;
    }
    if (answer === 'asked') askedAt = now;
    else if (elapsed >= limitMs && now - askedAt >= graceMs) return stop();
    later(ask, Math.min(every, capMs - elapsed));
  };
  later(ask, work);
}
