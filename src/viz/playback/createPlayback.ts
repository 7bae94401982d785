/**
 * Playback of virtual time for every view: play, pause, speed (0.1x-1000x of real time), scrub, step and
 * replay. Frames come from an injected scheduler (requestAnimationFrame in the app, a manual one in tests);
 * with reduced motion, time advances in discrete steps and each frame stays still in between.
 */

export interface FrameScheduler {
  /** Calls back once with the wall-clock time in ms (e.g. requestAnimationFrame's timestamp). */
  request(callback: (wallMs: number) => void): number;
  cancel(handle: number): void;
}

export interface PlaybackState {
  readonly timeMs: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly reducedMotion: boolean;
  readonly ended: boolean;
}

export interface PlaybackOptions {
  readonly startMs: number;
  readonly endMs: number;
  readonly scheduler: FrameScheduler;
  readonly speed?: number;
  readonly reducedMotion?: boolean;
  /** Reduced motion: wall ms between stepped frames (default 1,000). */
  readonly stepWallMs?: number;
  /** Times worth stopping at (trace event times, ascending) for step forward/back. */
  readonly keyTimes?: ArrayLike<number>;
  /** Stretches where nothing happens (ascending, apart): playing jumps over them instead of crawling. */
  readonly skips?: readonly TimeStretch[];
}

export interface TimeStretch {
  readonly startMs: number;
  readonly endMs: number;
}

export interface Playback {
  getState(): PlaybackState;
  subscribe(listener: () => void): () => void;
  play(): void;
  pause(): void;
  toggle(): void;
  setSpeed(speed: number): void;
  /** Scrub: jump to a virtual time (clamped to the range). */
  seek(timeMs: number): void;
  replay(): void;
  /** Next or previous key time (or ±1 % of the range without key times). */
  step(direction: 1 | -1): void;
  /** A live trace grows: widen the range without moving the playhead. */
  setRange(startMs: number, endMs: number, keyTimes?: ArrayLike<number>): void;
  setReducedMotion(on: boolean): void;
  /** Replace the idle stretches that playing skips. */
  setSkips(skips: readonly TimeStretch[]): void;
  dispose(): void;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
export const SPEEDS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000];

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function nextKey(keys: ArrayLike<number>, t: number, direction: 1 | -1): number | null {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (direction === 1 ? keys[mid]! <= t : keys[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  const i = direction === 1 ? lo : lo - 1;
  return i >= 0 && i < keys.length ? keys[i]! : null;
}

/** Where playing lands from t: the end of the skipped stretch t falls inside, else t itself. */
export function skipIdle(skips: readonly TimeStretch[], t: number): number {
  let lo = 0;
  let hi = skips.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (skips[mid]!.startMs < t) lo = mid + 1;
    else hi = mid;
  }
  const s = skips[lo - 1];
  return s && t < s.endMs ? s.endMs : t;
}

export function createPlayback(options: PlaybackOptions): Playback {
  const scheduler = options.scheduler;
  const stepWallMs = options.stepWallMs ?? 1000;
  let keyTimes: ArrayLike<number> = options.keyTimes ?? [];
  let skips: readonly TimeStretch[] = options.skips ?? [];
  let state: PlaybackState = {
    timeMs: options.startMs,
    startMs: options.startMs,
    endMs: Math.max(options.startMs, options.endMs),
    playing: false,
    speed: clamp(options.speed ?? 1, MIN_SPEED, MAX_SPEED),
    reducedMotion: options.reducedMotion ?? false,
    ended: false,
  };
  let listeners: (() => void)[] = [];
  let handle: number | null = null;
  let lastWall: number | null = null;
  let pendingWall = 0;

  const set = (patch: Partial<PlaybackState>): void => {
    const next = { ...state, ...patch };
    next.ended = next.timeMs >= next.endMs;
    state = next;
    for (const l of listeners) l();
  };
  const stopFrames = (): void => {
    if (handle !== null) scheduler.cancel(handle);
    handle = null;
    lastWall = null;
    pendingWall = 0;
  };
  const tick = (wallMs: number): void => {
    handle = null;
    if (!state.playing) return;
    const dt = lastWall === null ? 0 : Math.max(0, wallMs - lastWall);
    lastWall = wallMs;
    let advance = dt;
    if (state.reducedMotion) {
      // Stepped frames: hold still, then jump by a whole step of virtual time.
      pendingWall += dt;
      advance = pendingWall >= stepWallMs ? stepWallMs : 0;
      if (advance > 0) pendingWall -= stepWallMs;
    }
    if (advance > 0) {
      const timeMs = Math.min(state.endMs, skipIdle(skips, state.timeMs + advance * state.speed));
      set({ timeMs, playing: timeMs < state.endMs });
    }
    if (state.playing) handle = scheduler.request(tick);
  };

  const api: Playback = {
    getState: () => state,
    subscribe(listener) {
      listeners = [...listeners, listener];
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
    play() {
      if (state.playing) return;
      set({ playing: true, timeMs: state.ended ? state.startMs : state.timeMs });
      stopFrames();
      handle = scheduler.request(tick);
    },
    pause() {
      stopFrames();
      if (state.playing) set({ playing: false });
    },
    toggle: () => (state.playing ? api.pause() : api.play()),
    setSpeed(speed) {
      set({ speed: clamp(speed, MIN_SPEED, MAX_SPEED) });
    },
    seek(timeMs) {
      set({ timeMs: clamp(timeMs, state.startMs, state.endMs) });
      // Restart the wall clock so the jump is not followed by a catch-up frame.
      lastWall = null;
      pendingWall = 0;
    },
    replay() {
      api.seek(state.startMs);
      api.play();
    },
    step(direction) {
      api.pause();
      const fallback = state.timeMs + (direction * (state.endMs - state.startMs)) / 100;
      api.seek(nextKey(keyTimes, state.timeMs, direction) ?? fallback);
    },
    setRange(startMs, endMs, keys) {
      if (keys) keyTimes = keys;
      const end = Math.max(startMs, endMs);
      set({ startMs, endMs: end, timeMs: clamp(state.timeMs, startMs, end) });
    },
    setReducedMotion(on) {
      pendingWall = 0;
      set({ reducedMotion: on });
    },
    setSkips(next) {
      skips = next;
    },
    dispose() {
      stopFrames();
      listeners = [];
    },
  };
  return api;
}

/** The browser scheduler: one animation frame per request. */
export function createAnimationFrameScheduler(): FrameScheduler {
  return {
    request: (callback) => requestAnimationFrame(callback),
    cancel: (handle) => cancelAnimationFrame(handle),
  };
}

/** A scheduler a test drives by hand: `frame(wallMs)` runs the pending callbacks. */
export interface ManualScheduler extends FrameScheduler {
  frame(wallMs: number): void;
  pending(): number;
}

export function createManualScheduler(): ManualScheduler {
  let next = 1;
  const callbacks = new Map<number, (wallMs: number) => void>();
  return {
    request(callback) {
      const h = next++;
      callbacks.set(h, callback);
      return h;
    },
    cancel: (h) => {
      callbacks.delete(h);
    },
    frame(wallMs) {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const cb of due) cb(wallMs);
    },
    pending: () => callbacks.size,
  };
}
