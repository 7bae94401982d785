/**
 * The page's one demo at a time: which demo is chosen, its session (run, pause, step, replay) and a
 * copy of its trace per step for the visualizers. Every DemoPlayer on the page (the lab's and the
 * projector's) shows this one session, and the notes window's buttons reach it through the sync.
 * The controller chunk (world, runtime) is imported only when a demo first runs.
 */
import type { DemoContent } from '../../instructor/demoFiles';
import { createDemoSession, type DemoSession, type DemoSessionState } from '../../instructor/demoSession';
import type { DemoCommand } from '../../instructor/sync';
import type { TraceEvent } from '../../sim';
import { useLabStore } from '../../store/labStore';

export interface DemoHostState {
  readonly demoId: string | null;
  readonly session: DemoSessionState | null;
  /** The demo world's trace as of the last finished step. */
  readonly trace: readonly TraceEvent[];
  /** Starting failed (Python not ready, a test running). */
  readonly error: string | null;
  readonly starting: boolean;
}

/** Reading time between steps while running; the visualizer animates the step meanwhile. */
export const DWELL_MS = 1800;

let state: DemoHostState = { demoId: null, session: null, trace: [], error: null, starting: false };
let listeners: (() => void)[] = [];
let library: { demos: readonly DemoContent[]; files: ReadonlyMap<string, string> } | null = null;
let session: DemoSession | null = null;
let traceOf: (() => readonly TraceEvent[]) | null = null;
let generation = 0;

const emit = (patch: Partial<DemoHostState>) => {
  state = { ...state, ...patch };
  for (const l of listeners) l();
};

/** Tell the other windows how far the demo got (only when that changed, so `rev` moves little). */
function publishProgress() {
  const store = useLabStore.getState();
  const id = state.demoId;
  const s = state.session;
  const next = id ? { id, next: s?.next ?? 0, status: s?.status ?? ('ready' as const) } : null;
  const prev = store.presenter.demo;
  if (prev?.id === next?.id && prev?.next === next?.next && prev?.status === next?.status) return;
  store.setDemoProgress(next);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function dispose() {
  const old = session;
  session = null;
  traceOf = null;
  if (old) void old.dispose();
}

export const demoHost = {
  getState: (): DemoHostState => state,
  subscribe(listener: () => void): () => void {
    listeners.push(listener);
    return () => {
      listeners = listeners.filter((l) => l !== listener);
    };
  },
  setLibrary(demos: readonly DemoContent[], files: ReadonlyMap<string, string>) {
    library = { demos, files };
  },
  demo(id: string | null): DemoContent | null {
    return library?.demos.find((d) => d.script.id === id) ?? null;
  },
  /** Show another demo: the old one's world is thrown away. */
  select(demoId: string | null) {
    if (demoId === state.demoId) return;
    generation++;
    dispose();
    emit({ demoId, session: null, trace: [], error: null, starting: false });
    publishProgress();
  },
  async command(command: DemoCommand): Promise<void> {
    const demo = demoHost.demo(state.demoId);
    if (!demo || !library) return;
    if (!session) {
      if (command === 'pause') return;
      const mine = ++generation;
      emit({ starting: true, error: null });
      try {
        const { startBrowserDemo } = await import('../../controller/scenarios/demoRunner');
        if (mine !== generation) return;
        const runner = startBrowserDemo(demo, library.files);
        traceOf = runner.trace;
        session = createDemoSession({
          total: demo.script.steps.length,
          executor: runner,
          dwell: () => wait(DWELL_MS),
        });
        const created = session;
        created.subscribe(() => {
          if (session !== created) return;
          const s = created.getState();
          const grew = s.reports.length !== state.session?.reports.length;
          emit({ session: s, ...(grew ? { trace: (traceOf?.() ?? []).slice() } : {}) });
          publishProgress();
        });
        emit({ starting: false, session: created.getState() });
      } catch (error) {
        emit({ starting: false, error: error instanceof Error ? error.message : String(error) });
        return;
      }
    }
    const s = session;
    switch (command) {
      case 'run':
        return s.run();
      case 'pause':
        return s.pause();
      case 'step':
        return s.step();
      case 'replay':
        return s.replay();
      default: {
        const never: never = command;
        throw new Error(`unknown demo command ${String(never)}`);
      }
    }
  },
};
