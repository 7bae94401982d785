/**
 * The shared worker core: after a host-specific boot (browser worker or Node worker thread) hands it a
 * loaded Pyodide, it serves every run message of the protocol with the engine. Handlers are declared
 * with `satisfies HandlersOf<RunMessage>`, so a new message kind without a handler is a type error.
 */
import type { PyodideAPI } from 'pyodide';
import type { RunReport } from '../../sim/runtimePort';
import {
  CONTINUE_CALL,
  callThroughChannel,
  createMessageAwsCall,
  jspiAvailable,
  NESTED_PREFIX,
} from '../awsChannel';
import type { HandlersOf, HostToWorker, RunMessage, WorkerToHost } from '../protocol';
import { createCallerStamp } from './callerStamp';
import { createEngine, type PythonSources } from './engine';
import { quickRun } from './quickRun';
import { watchThreadGaps } from './threadGaps';

/** A wasm trap or abort leaves Pyodide unusable; anything else is one failed request. */
export function isFatalError(error: unknown): boolean {
  if (error instanceof WebAssembly.RuntimeError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /fatally failed|Aborted\(|out of memory|Array buffer allocation failed/i.test(message);
}

export interface CoreBridge {
  /** The shared memory for synchronous AWS calls (absent when the host cannot share memory). */
  readonly awsChannel?: SharedArrayBuffer;
  readonly interruptBuffer?: SharedArrayBuffer;
  /** This thread's schedstat line, where the host can read it (Node on Linux). */
  readonly schedstat?: () => string;
  /** Multiplies every measured time: a simulated slower machine (LAB_TIMER_SCALE in Node; default 1). */
  readonly timerScale?: number;
}

/** What boto3 gets when the host can answer neither through shared memory nor through JSPI. */
const NO_CHANNEL = JSON.stringify({
  kind: 'error',
  error: {
    code: 'LabBridgeUnavailable',
    message:
      'This browser cannot pause Python for an AWS call on this page (no cross-origin isolation and no JSPI). Open the lab in a current Chrome or Edge, or at http://localhost (npm start).',
    httpStatus: 500,
    errorKind: 'client',
  },
});

export interface WorkerCore {
  /** Serves every message after boot. */
  readonly serve: (message: HostToWorker) => void;
  /** The warm-up run, after `ready` is reported (bootEntry.ts): messages sent meanwhile wait for it. */
  readonly warmUp: () => void;
}

export function createWorkerCore(
  pyodide: PyodideAPI,
  sources: PythonSources,
  post: (message: WorkerToHost) => void,
  bridge: CoreBridge = {},
): WorkerCore {
  const interrupt = bridge.interruptBuffer ? new Uint8Array(bridge.interruptBuffer) : null;
  const channel = bridge.awsChannel;
  // No shared memory: phases run through JSPI and an AWS call waits for the host's `awsAnswer` message.
  const messageCall = !channel && jspiAvailable() ? createMessageAwsCall(post) : null;
  // Phases suspended in an AWS call (JSPI); while one waits, a phase the host sends is its callee.
  let promisingDepth = 0;
  // boto3's shim finds its transport as the `lab_host` module (botocore/lab_bridge.py).
  const callers = createCallerStamp();
  let runNested: (message: RunMessage) => void = () => undefined;
  pyodide.registerJsModule('lab_host', {
    aws_call: (unstamped: string): string | Promise<string> => {
      const requestJson = callers.stamp(unstamped);
      if (!channel) return messageCall && promisingDepth > 0 ? messageCall.call(requestJson) : NO_CHANNEL;
      let answer = callThroughChannel(channel, interrupt, post, requestJson);
      // A synchronous invoke of another function: the host has this worker run the callee's phases first.
      while (answer?.startsWith(NESTED_PREFIX)) {
        runNested(JSON.parse(answer.slice(NESTED_PREFIX.length, -1)) as RunMessage);
        answer = callThroughChannel(channel, interrupt, post, CONTINUE_CALL);
      }
      if (answer !== null) return answer;
      // The deadline passed while the call waited: Python raises KeyboardInterrupt at its next check.
      return JSON.stringify({
        kind: 'error',
        error: {
          code: 'RequestTimeout',
          message: 'The invocation ended while this call waited.',
          httpStatus: 408,
          errorKind: 'client',
        },
      });
    },
  });
  const engine = createEngine(pyodide, sources, {
    schedstat: bridge.schedstat,
    timerScale: bridge.timerScale,
    // No scheduler to read (a browser): the thread's own gaps show its preemption.
    threadGaps: bridge.schedstat ? undefined : (watchThreadGaps(pyodide) ?? undefined),
  });
  let fatal: string | null = null;

  const serve = (id: number, run: () => void) => {
    if (fatal !== null) {
      post({ type: 'failed', id, message: `The Python interpreter is no longer usable: ${fatal}` });
      return;
    }
    try {
      run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isFatalError(error)) {
        fatal = message;
        post({ type: 'fatal', message });
      }
      post({ type: 'failed', id, message });
    }
  };

  // JSPI phases leave the event loop free while Python waits, so later messages queue behind them.
  let queue: Promise<void> = Promise.resolve();
  const servePhase = (
    id: number,
    caller: Parameters<typeof callers.serve>[0],
    sync: () => RunReport,
    promising: () => Promise<RunReport>,
  ) => {
    // A nested phase (a callee run inside its caller's AWS call) hands the caller back when it ends.
    const during = <T>(run: () => T): T => {
      const outer = callers.serve(caller);
      try {
        return run();
      } finally {
        callers.serve(outer);
      }
    };
    if (!messageCall) return serve(id, () => post({ type: 'runReport', id, report: during(sync) }));
    const run = async () => {
      if (fatal !== null) return serve(id, () => undefined);
      promisingDepth++;
      const outer = callers.serve(caller);
      try {
        const report = await promising();
        post({ type: 'runReport', id, report });
      } catch (error) {
        serve(id, () => {
          throw error;
        });
      } finally {
        promisingDepth--;
        callers.serve(outer);
      }
    };
    queued(run);
  };
  // Without shared memory phases take turns, except inside a suspended phase: that one waits for this.
  const queued = (run: () => void | Promise<void>) => {
    if (messageCall && promisingDepth === 0) queue = queue.then(run);
    else void run();
  };

  const handlers = {
    quickRun: ({ id, request }) =>
      queued(() => serve(id, () => post({ type: 'quickRunResult', id, result: quickRun(engine, request) }))),
    init: ({ id, request }) =>
      servePhase(
        id,
        callers.forInit(request.env),
        () => engine.init(request),
        () => engine.initPromising(request),
      ),
    invoke: ({ id, request }) =>
      servePhase(
        id,
        callers.forInvoke(request),
        () => engine.invoke(request),
        () => engine.invokePromising(request),
      ),
    destroy: ({ id, envId }) =>
      queued(() =>
        serve(id, () => {
          callers.forget(envId);
          engine.destroy(envId);
          post({ type: 'destroyed', id });
        }),
      ),
    checkSyntax: ({ id, files }) =>
      queued(() => serve(id, () => post({ type: 'syntaxResult', id, problems: engine.checkSyntax(files) }))),
  } satisfies HandlersOf<RunMessage>;
  runNested = (message) => {
    if (message.type === 'init') handlers.init(message);
    else if (message.type === 'invoke') handlers.invoke(message);
    else if (message.type === 'destroy') handlers.destroy(message);
    else if (message.type === 'quickRun') handlers.quickRun(message);
    else handlers.checkSyntax(message);
  };

  // Sealing the interpreter (engine.finish) need not hold up `ready`: it runs first thing after it.
  // Then one throwaway run warms the interpreter's code paths (and the wasm JIT), so the learner's first
  // invoke is not measured, and scaled by the CPU model, with start-up costs Lambda would not have.
  // Counted, so it skips the load probes (about 12 ms of spinning a phase where no schedstat exists).
  const warmUp = () => {
    let start = performance.now();
    try {
      engine.finish();
    } catch (error) {
      // Unsealed, environments would leak into each other: nothing may run.
      fatal = error instanceof Error ? error.message : String(error);
      post({ type: 'fatal', message: fatal });
      return;
    }
    performance.measure('boot:seal', { start });
    start = performance.now();
    try {
      quickRun(
        engine,
        {
          files: {
            'warm_up.py':
              'import json\n\ndef handler(event, context):\n    print(json.dumps(event))\n    return event\n',
          },
          handler: 'warm_up.handler',
          eventJson: '{"warm": true}',
        },
        Date.now(),
        'counted',
      );
    } catch (error) {
      // Nobody waits on the warm-up: a broken interpreter is reported, anything else shows in the first run.
      if (isFatalError(error)) {
        fatal = error instanceof Error ? error.message : String(error);
        post({ type: 'fatal', message: fatal });
      }
    }
    performance.measure('boot:warm-up-run', { start });
  };

  const serveMessage: WorkerCore['serve'] = (message) => {
    switch (message.type) {
      case 'boot':
        return; // already booted: the host-specific entry handled it
      case 'awsAnswer':
        return messageCall?.answer(message.text);
      case 'quickRun':
        return handlers.quickRun(message);
      case 'init':
        return handlers.init(message);
      case 'invoke':
        return handlers.invoke(message);
      case 'destroy':
        return handlers.destroy(message);
      case 'checkSyntax':
        return handlers.checkSyntax(message);
      default: {
        const never: never = message;
        return never;
      }
    }
  };
  return { serve: serveMessage, warmUp };
}
