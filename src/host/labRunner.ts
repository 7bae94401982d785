/**
 * The imperative shell around the pure world: runs the effects a world step returns against a RuntimePort
 * (Pyodide in browser workers, Pyodide in Node worker threads, or the scripted fake), feeds the reports
 * back, and moves virtual time. Operations are serialized, so a Test pressed during a skip-ahead waits its
 * turn instead of interleaving with it. Host-agnostic: the browser app and the CLI share it.
 */
import type {
  Effect,
  InvokeAccepted,
  InvokeParams,
  InvokeResponse,
  Result,
  RunReport,
  RuntimePort,
  WorkModel,
  World,
} from '../sim';

export interface InvokeOutcome {
  readonly accepted: Result<InvokeAccepted>;
  /** The synchronous response; null for Event and DryRun invocations or a refused call. */
  readonly response: InvokeResponse | null;
}

export interface LabRunner {
  readonly world: World;
  /** Runs a world command and settles the effects it returned. */
  command<T>(run: (world: World) => Result<T>): Promise<Result<T>>;
  /** Invokes and, for RequestResponse, moves virtual time until the response is there. */
  invoke(params: InvokeParams): Promise<InvokeOutcome>;
  /** Invokes all at the same virtual instant (a burst), then waits for every synchronous response. */
  invokeAll(params: readonly InvokeParams[]): Promise<InvokeOutcome[]>;
  advanceBy(ms: number): Promise<void>;
  advanceTo(timeMs: number): Promise<void>;
  runUntilIdle(): Promise<void>;
}

export interface LabRunnerOptions {
  /**
   * How handler work becomes Duration: `measured` (the default: the learner's own runs, calibrated) or
   * `counted` (deterministic, for worlds whose verdicts or traces must not move with the machine:
   * exercise checks, predict questions, demos and lesson scenarios).
   */
  readonly workModel?: WorkModel;
}

/** Asks every phase `runtime` runs for `workModel`. */
export function withWorkModel(runtime: RuntimePort, workModel: WorkModel): RuntimePort {
  return {
    init: (request) => runtime.init({ ...request, workModel }),
    invoke: (request) => runtime.invoke({ ...request, workModel }),
    destroy: (envId) => runtime.destroy(envId),
  };
}

/** A runtime call that threw (a host bug, not a handler's) still completes the phase, as a crash. */
const crashReport = (error: unknown): RunReport => ({
  outcome: { status: 'crash', message: error instanceof Error ? error.message : String(error) },
  cpuMs: 0,
  sleepMs: 0,
  maxMemoryMb: 0,
  logs: [],
});

export function createLabRunner(world: World, port: RuntimePort, options: LabRunnerOptions = {}): LabRunner {
  const runtime = options.workModel ? withWorkModel(port, options.workModel) : port;
  const inflight = new Set<Promise<void>>();
  let tail: Promise<unknown> = Promise.resolve();

  const track = (promise: Promise<void>) => {
    inflight.add(promise);
    void promise.finally(() => inflight.delete(promise));
  };

  const runEffects = (effects: readonly Effect[]) => {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'runInit': {
          const { request } = effect;
          track(
            runtime.init(request).then(
              (report) => settle(world.completeInit(request.env.envId, report)),
              (error: unknown) => settle(world.completeInit(request.env.envId, crashReport(error))),
            ),
          );
          break;
        }
        case 'runInvoke': {
          const { request } = effect;
          track(
            runtime.invoke(request).then(
              (report) => settle(world.completeInvoke(request.envId, request.requestId, report)),
              (error: unknown) =>
                settle(world.completeInvoke(request.envId, request.requestId, crashReport(error))),
            ),
          );
          break;
        }
        case 'destroyEnv':
          track(runtime.destroy(effect.envId).catch(() => undefined));
          break;
        default: {
          const never: never = effect;
          throw new Error(`unknown effect ${JSON.stringify(never)}`);
        }
      }
    }
  };

  const settle = (result: Result<unknown>) => {
    if (result.ok) runEffects(result.effects);
  };

  // A handler parked on a synchronous invoke waits for other work (the callee), which only moves if time
  // does: while any is parked, each settled phase is followed by another step of the world.
  let wake: () => void = () => undefined;
  world.trace.subscribe((e) => {
    if (e.name === 'lambda.invoke.parked') queueMicrotask(() => wake());
  });
  const drain = async () => {
    while (inflight.size > 0) {
      // One instant at a time, so time stops where the last waiting handler got its answer.
      for (let next = world.nextEventTime(); world.parkedCount() > 0 && next !== undefined; ) {
        const step = world.advanceTo(next);
        runEffects(step.effects);
        if (step.blocked) break;
        next = world.nextEventTime();
      }
      await Promise.race([...inflight, new Promise<void>((resolve) => (wake = resolve))]);
    }
  };

  const advanceTo = async (timeMs: number) => {
    for (;;) {
      const step = world.advanceTo(timeMs);
      runEffects(step.effects);
      await drain();
      if (!step.blocked && world.outstandingEffects() === 0 && world.now() >= timeMs) return;
    }
  };

  const invokeAll = (list: readonly InvokeParams[]) =>
    serial(async () => {
      const accepted = list.map((params) => world.invoke(params));
      for (const result of accepted) settle(result);
      await drain();
      const outcomes: InvokeOutcome[] = [];
      for (const result of accepted) {
        if (!result.ok || result.value.statusCode !== 200) {
          outcomes.push({ accepted: result, response: null });
          continue;
        }
        const { requestId } = result.value;
        for (;;) {
          const response = world.getResponse(requestId);
          if (response) {
            outcomes.push({ accepted: result, response });
            break;
          }
          const next = world.nextEventTime();
          if (next === undefined) throw new Error(`Invocation ${requestId} ended without a response.`);
          await advanceTo(next);
        }
      }
      return outcomes;
    });

  /** Serializes operations: each waits for the previous one, whatever its outcome. */
  function serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = tail.then(operation, operation);
    tail = next.catch(() => undefined);
    return next;
  }

  return {
    world,
    command: (run) =>
      serial(async () => {
        const result = run(world);
        settle(result);
        await drain();
        return result;
      }),
    invoke: async (params) => {
      const [outcome] = await invokeAll([params]);
      if (!outcome) throw new Error('invoke produced no outcome');
      return outcome;
    },
    invokeAll,
    advanceBy: (ms) => serial(() => advanceTo(world.now() + ms)),
    advanceTo: (timeMs) => serial(() => advanceTo(timeMs)),
    runUntilIdle: () =>
      serial(async () => {
        for (;;) {
          const step = world.runUntilIdle();
          runEffects(step.effects);
          await drain();
          if (!step.blocked && world.outstandingEffects() === 0 && step.effects.length === 0) return;
        }
      }),
  };
}
