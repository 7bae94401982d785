/**
 * The lab's work, one job at a time: a Test, a check, a visualizer's scratch-world run, a demo step.
 * Jobs share one runtime; running them in turn keeps measurements clean and a world from being rebuilt
 * under a Test. Some callers wait their turn (a visualizer), others refuse at once when the lab is busy
 * (a button the learner pressed, which the UI disables while `busy`).
 */

export interface JobQueue {
  /** Runs `work` after every job queued before it has ended. */
  wait<T>(work: () => Promise<T>): Promise<T>;
  /** Runs `work` now; throws `busyMessage` when another job is running or waiting. */
  now<T>(work: () => Promise<T>, busyMessage: string): Promise<T>;
  busy(): boolean;
}

/** `onBusy` hears every change of `busy()` (the browser mirrors it into the store's `running`). */
export function createJobQueue(onBusy: (busy: boolean) => void = () => undefined): JobQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  const enter = () => {
    pending += 1;
    if (pending === 1) onBusy(true);
  };
  const leave = () => {
    pending -= 1;
    if (pending === 0) onBusy(false);
  };
  const wait = <T>(work: () => Promise<T>): Promise<T> => {
    enter();
    const run = async () => {
      try {
        return await work();
      } finally {
        leave();
      }
    };
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    wait,
    now(work, busyMessage) {
      if (pending > 0) return Promise.reject(new Error(busyMessage));
      return wait(work);
    },
    busy: () => pending > 0,
  };
}
