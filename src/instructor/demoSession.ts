/**
 * Playing a demo: run (every step, with a pause to read between them), pause (after the current step),
 * step (one step) and replay (a fresh world, from the first step). Host-agnostic: the executor runs a
 * step against a world, `dwell` waits between steps (the UI's animation and reading time).
 */

import type { StepStats } from './stepSummary';

/** What one step did, for the narration panel, the visualizer and the tests. */
export interface StepReport {
  readonly index: number;
  /** Virtual time before and after the step. */
  readonly startMs: number;
  readonly endMs: number;
  /** Short result lines: status codes, durations, cold or warm. */
  readonly lines: readonly string[];
  /** CloudWatch-style log lines the step's invocations wrote. */
  readonly logs: readonly string[];
  readonly envsAlive: number;
  readonly stats: StepStats;
  /** Sync invoke payloads and HTTP answers (`<status> <body>`), when the step made one or two. */
  readonly responses: readonly string[];
}

export interface DemoExecutor {
  /** Throw away the world and build a fresh one (the next exec starts from the demo's world). */
  reset(): Promise<void>;
  exec(stepIndex: number): Promise<StepReport>;
  dispose(): Promise<void>;
}

export type DemoStatus = 'ready' | 'running' | 'paused' | 'done' | 'failed';

export interface DemoSessionState {
  readonly status: DemoStatus;
  /** Index of the next step to run (= steps done). */
  readonly next: number;
  readonly total: number;
  /** A step is executing right now. */
  readonly busy: boolean;
  readonly reports: readonly StepReport[];
  readonly error: string | null;
}

export interface DemoSession {
  getState(): DemoSessionState;
  subscribe(listener: () => void): () => void;
  run(): Promise<void>;
  pause(): void;
  step(): Promise<void>;
  replay(): Promise<void>;
  dispose(): Promise<void>;
}

export function createDemoSession(options: {
  readonly total: number;
  readonly executor: DemoExecutor;
  /** Waits between steps while running (reading time); resolves at once in tests. */
  readonly dwell: (report: StepReport) => Promise<void>;
}): DemoSession {
  const { executor, total } = options;
  let state: DemoSessionState = { status: 'ready', next: 0, total, busy: false, reports: [], error: null };
  let listeners: (() => void)[] = [];
  let current: Promise<void> = Promise.resolve();
  let disposed = false;

  const set = (patch: Partial<DemoSessionState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };

  /** One step; false when it failed (the session then stops). */
  const execOne = async (): Promise<boolean> => {
    const index = state.next;
    set({ busy: true });
    try {
      const report = await executor.exec(index);
      if (disposed) return false;
      set({ busy: false, next: index + 1, reports: [...state.reports, report] });
      return true;
    } catch (error) {
      set({ busy: false, status: 'failed', error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };

  const settle = () => {
    if (state.status === 'failed') return;
    set({ status: state.next >= total ? 'done' : state.status === 'running' ? 'paused' : state.status });
  };

  const loop = async () => {
    while (state.status === 'running' && state.next < total) {
      if (!(await execOne())) return;
      const last = state.reports[state.reports.length - 1];
      if (state.status === 'running' && state.next < total && last) await options.dwell(last);
    }
    settle();
  };

  /** Operations queue behind each other, so a double click never runs two steps at once. */
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    current = current.then(work, work);
    return current;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.push(listener);
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
    run: () =>
      enqueue(async () => {
        if (state.status === 'failed' || state.status === 'done' || state.status === 'running') return;
        set({ status: 'running' });
        await loop();
      }),
    pause: () => {
      // The step in flight finishes; the loop stops before the next one.
      if (state.status === 'running') set({ status: 'paused' });
    },
    step: () => {
      if (state.status === 'running') set({ status: 'paused' });
      return enqueue(async () => {
        if (state.status === 'failed' || state.next >= total) return;
        set({ status: 'paused' });
        if (await execOne()) settle();
      });
    },
    replay: () => {
      if (state.status === 'running') set({ status: 'paused' });
      return enqueue(async () => {
        set({ busy: true, error: null });
        try {
          await executor.reset();
        } catch (error) {
          set({
            busy: false,
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          });
          return;
        }
        set({ status: 'running', next: 0, reports: [], busy: false });
        await loop();
      });
    },
    dispose: async () => {
      disposed = true;
      if (state.status === 'running') set({ status: 'paused' });
      listeners = [];
      await current.catch(() => undefined);
      await executor.dispose();
    },
  };
}
