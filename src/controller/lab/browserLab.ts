/**
 * The page's one lab (host/lab.ts): on the worker pool that pythonBoot started, with its job queue
 * mirrored into the store's `running` (Test, Deploy and the visualizers' buttons wait on it), the
 * views re-read when the learner's world changes, and the learner's world's clock bound to the store's
 * time controls. Controller modules reach it through `browserLab()`.
 */

import { type ClockDriver, createClockDriver } from '../../host/clock';
import { createLab, type Lab } from '../../host/lab';
import { createLabWorld, type LabWorld } from '../../host/labWorld';
import type { PooledRuntime } from '../../runtime/pool/pooledRuntime';
import { useLabStore } from '../../store/labStore';
import { currentRuntime, setAwsCall } from './pythonBoot';

export interface BrowserLab extends Lab<PooledRuntime> {
  /** The learner's world's clock (see host/clock.ts); it starts once Python is ready. */
  readonly clock: ClockDriver;
}

function newWorld(): LabWorld {
  // The lab's world starts at the learner's wall-clock time; from then on only virtual time moves it.
  // Each function's deploy brings its own role from the role editor; the world's shared lab role is
  // only the console's default (logging), never an allow-everything role.
  const now = Date.now();
  return createLabWorld({ seed: now % 2 ** 31, startTimeMs: now, access: 'basic' });
}

/** Views re-read the world once per frame at most, however many trace events a step appended. */
function worldWatcher(): (lab: LabWorld) => void {
  let unsubscribe: (() => void) | null = null;
  let queued = false;
  const bump = () => {
    if (queued) return;
    queued = true;
    const flush = () => {
      queued = false;
      useLabStore.getState().worldChanged();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
    else queueMicrotask(flush);
  };
  return (lab) => {
    unsubscribe?.();
    unsubscribe = lab.world.trace.subscribe(bump);
    bump();
  };
}

function createBrowserLab(): BrowserLab {
  const watch = worldWatcher();
  const lab = createLab<PooledRuntime>({
    runtime: currentRuntime,
    newWorld,
    onHome: (home) => watch(home.lab),
    onBusy: (busy) => useLabStore.getState().setRunning(busy),
  });
  // Bound once: the router, not a swapped handler, decides which world answers each call.
  setAwsCall(lab.router.awsCall);
  const clock = createClockDriver({
    runner: () => lab.home()?.runner ?? null,
    playing: () => useLabStore.getState().clock.playing,
    speed: () => useLabStore.getState().clock.speed,
    report: (nowMs, busy) => {
      const { clock: shown, setClock } = useLabStore.getState();
      if (shown.nowMs !== nowMs || shown.busy !== busy) setClock({ nowMs, busy });
    },
  });
  return { ...lab, clock };
}

let instance: BrowserLab | null = null;

/** The page's lab, created on first use. */
export function browserLab(): BrowserLab {
  instance ??= createBrowserLab();
  return instance;
}
