/**
 * A worker's boot, shared by the browser worker and the Node worker thread: named, timed phases reported
 * to the host, messages that arrive early held until the core is ready, and one `ready` or `bootFailed`.
 * Each host supplies only what it does inside the phases.
 */
import {
  BOOT_PHASES,
  type BootOptions,
  type BootPhase,
  type HostToWorker,
  PROTOCOL_VERSION,
  type WorkerToHost,
} from '../protocol';

export interface PhaseTimer {
  /** Each phase's duration; a host may set one it measured itself (Node loads Pyodide before boot). */
  readonly phaseMs: Record<BootPhase, number>;
  timed<T>(phase: BootPhase, run: () => Promise<T> | T, detail?: string): Promise<T>;
}

export interface Booted {
  /** Serves every message after boot (the worker core). */
  readonly serve: (message: HostToWorker) => void;
  readonly fromSnapshot: boolean;
  /** Work that need not hold up `ready` (the warm-up run); messages that arrive meanwhile wait for it. */
  readonly afterReady?: () => void;
}

export type BootSteps = (options: BootOptions, phases: PhaseTimer) => Promise<Booted>;

/** The worker's message handler: `boot` runs the host's steps, anything else goes to the core once it exists. */
export function createBootEntry(
  post: (message: WorkerToHost) => void,
  steps: BootSteps,
): (message: HostToWorker) => void {
  let serve: ((message: HostToWorker) => void) | null = null;
  const pending: HostToWorker[] = [];

  const boot = async (options: BootOptions): Promise<void> => {
    const phaseMs = Object.fromEntries(BOOT_PHASES.map((p) => [p, 0])) as Record<BootPhase, number>;
    let current: BootPhase = 'download';
    const timed: PhaseTimer['timed'] = async (phase, run, detail) => {
      current = phase;
      const extra = detail === undefined ? {} : { detail };
      const start = performance.now();
      post({ type: 'phase', phase, state: 'start', ms: 0, ...extra });
      const result = await run();
      phaseMs[phase] = performance.now() - start;
      post({ type: 'phase', phase, state: 'end', ms: phaseMs[phase], ...extra });
      return result;
    };
    try {
      const booted = await steps(options, { phaseMs, timed });
      serve = booted.serve;
      post({ type: 'ready', v: PROTOCOL_VERSION, fromSnapshot: booted.fromSnapshot, phaseMs });
      booted.afterReady?.();
      for (const message of pending.splice(0)) serve(message);
    } catch (error) {
      post({
        type: 'bootFailed',
        phase: current,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return (message) => {
    if (message.type === 'boot') void boot(message.options);
    else if (serve) serve(message);
    else pending.push(message);
  };
}
