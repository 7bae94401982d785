/**
 * A scripted runtime for tests and benchmarks: fixed outcomes and durations per phase, optionally per
 * function, consumed in order (the last entry repeats). Synchronous methods let a driver settle effects
 * without awaiting; the async RuntimePort methods wrap them.
 */
import type {
  AppLogLine,
  EnvSpec,
  InitRequest,
  InvokeRequest,
  RunOutcome,
  RunReport,
  RuntimePort,
} from './runtimePort';

export interface FakePhase {
  readonly outcome?: RunOutcome;
  readonly cpuMs?: number;
  readonly sleepMs?: number;
  readonly maxMemoryMb?: number;
  readonly logs?: readonly AppLogLine[];
}

export type FakeEntry<R> = FakePhase | readonly FakePhase[] | ((request: R, env: EnvSpec) => FakePhase);

export interface FakeScript {
  readonly init?: FakeEntry<InitRequest>;
  readonly invoke?: FakeEntry<InvokeRequest>;
  readonly functions?: Readonly<
    Record<string, { readonly init?: FakeEntry<InitRequest>; readonly invoke?: FakeEntry<InvokeRequest> }>
  >;
}

export interface FakeRuntime extends RuntimePort {
  initSync(request: InitRequest): RunReport;
  invokeSync(request: InvokeRequest): RunReport;
  destroySync(envId: string): void;
  /** Environments the runtime currently holds (created by init, removed by destroy). */
  liveEnvs(): number;
  /** Replace the script (e.g. after a code update in a test). */
  setScript(script: FakeScript): void;
}

const DEFAULT_PHASE: FakePhase = {};

function toReport(p: FakePhase): RunReport {
  return {
    outcome: p.outcome ?? { status: 'success', responseJson: 'null' },
    cpuMs: p.cpuMs ?? 1,
    sleepMs: p.sleepMs ?? 0,
    maxMemoryMb: p.maxMemoryMb ?? 40,
    logs: p.logs ?? [],
  };
}

export function createFakeRuntime(initial: FakeScript = {}): FakeRuntime {
  let script = initial;
  const specs = new Map<string, EnvSpec>();
  const cursors = new Map<unknown, number>();
  const pick = <R>(entry: FakeEntry<R> | undefined, request: R, env: EnvSpec): FakePhase => {
    if (entry === undefined) return DEFAULT_PHASE;
    if (typeof entry === 'function') return entry(request, env);
    if (!Array.isArray(entry)) return entry as FakePhase;
    const list = entry as readonly FakePhase[];
    const i = cursors.get(list) ?? 0;
    cursors.set(list, i + 1);
    return list[Math.min(i, list.length - 1)] ?? DEFAULT_PHASE;
  };
  const initSync = (request: InitRequest): RunReport => {
    specs.set(request.env.envId, request.env);
    const fn = script.functions?.[request.env.functionName];
    return toReport(pick(fn?.init ?? script.init, request, request.env));
  };
  const invokeSync = (request: InvokeRequest): RunReport => {
    const env = specs.get(request.envId);
    if (!env) throw new Error(`fake runtime: invoke on unknown environment ${request.envId}`);
    const fn = script.functions?.[env.functionName];
    return toReport(pick(fn?.invoke ?? script.invoke, request, env));
  };
  const destroySync = (envId: string): void => {
    specs.delete(envId);
  };
  return {
    initSync,
    invokeSync,
    destroySync,
    liveEnvs: () => specs.size,
    setScript(next) {
      script = next;
      cursors.clear();
    },
    init: async (request) => initSync(request),
    invoke: async (request) => invokeSync(request),
    destroy: async (envId) => destroySync(envId),
  };
}
