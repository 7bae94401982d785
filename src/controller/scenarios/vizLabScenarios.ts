/**
 * Worlds the visualizers run with the scripted runtime (no Python): the push-against-poll scenario whose
 * knobs change live, the 1,000-environment demo, and the replay of a measured handler for what-if. Each
 * handler outcome is scripted, so the UI labels what these draw "modeled".
 */

import { createLabRunner, type LabRunner } from '../../host/labRunner';
import { createLabWorld, LAB_ROLE_ARN } from '../../host/labWorld';
import {
  advanceSettled,
  type CreateFunctionInput,
  createFakeRuntime,
  createWorld,
  type EnvSpec,
  type FakeScript,
  type RunReport,
  settleEffects,
  type TraceEvent,
  utcMs,
  type World,
} from '../../sim';
import { unitHash } from '../../sim/hash.mjs';
import type { JsonObject } from '../../sim/services/json';
import type { KnobValues } from '../../viz/pushPoll/knobs';

/** Every scripted world starts at the same virtual instant, so a run repeats exactly. */
export const SCENARIO_START_MS = utcMs(2026, 3, 14, 9, 0);
const ARN = 'arn:aws:sqs:us-east-1:123456789012';

export interface PushPollScenario {
  readonly knobs: KnobValues;
  /** Share of attempts that fail (0-100), decided per attempt by a hash of its id: repeatable. */
  readonly failurePercent: number;
  /** Async events sent to the push function and messages sent to the queue, spread over `spreadS`. */
  readonly events: number;
  readonly messages: number;
  readonly spreadS: number;
  /** Handler time per invocation (virtual ms). */
  readonly handlerMs: number;
}

export const DEFAULT_PUSH_POLL: PushPollScenario = {
  knobs: {
    maximumRetryAttempts: 2,
    reservedConcurrency: 3,
    batchSize: 5,
    batchingWindowS: 0,
    visibilityTimeoutS: 30,
    maxReceiveCount: 3,
    maximumConcurrency: 2,
  },
  failurePercent: 20,
  events: 12,
  messages: 30,
  spreadS: 10,
  handlerMs: 2000,
};

const fails = (id: string, percent: number) => unitHash(id) * 100 < percent;
const errorOutcome = (message: string) =>
  ({
    status: 'error',
    error: { errorMessage: message, errorType: 'ScenarioFailure', requestId: '', stackTrace: [] },
  }) as const;

function scenarioScript(s: PushPollScenario): FakeScript {
  const attempts = new Map<string, number>();
  return {
    functions: {
      pushed: {
        invoke: (request) => {
          const n = (attempts.get(request.requestId) ?? 0) + 1;
          attempts.set(request.requestId, n);
          const failed = fails(`${request.requestId}#${n}`, s.failurePercent);
          return {
            sleepMs: s.handlerMs,
            ...(failed ? { outcome: errorOutcome(`attempt ${n} failed (scripted)`) } : {}),
          };
        },
      },
      polled: {
        invoke: (request) => {
          const records = (JSON.parse(request.eventJson) as { Records?: SqsRecord[] }).Records ?? [];
          const failed = records
            .filter((r) => fails(`${r.messageId}#${r.attributes?.ApproximateReceiveCount}`, s.failurePercent))
            .map((r) => ({ itemIdentifier: r.messageId }));
          return {
            sleepMs: s.handlerMs,
            outcome: { status: 'success', responseJson: JSON.stringify({ batchItemFailures: failed }) },
          };
        },
      },
    },
  };
}

interface SqsRecord {
  readonly messageId: string;
  readonly attributes?: { readonly ApproximateReceiveCount?: string };
}

const scriptedFn = (functionName: string, extra: Partial<CreateFunctionInput> = {}): CreateFunctionInput => ({
  functionName,
  role: LAB_ROLE_ARN,
  runtime: 'python3.12',
  handler: 'lambda_function.lambda_handler',
  code: { files: { 'lambda_function.py': '# scripted by the push-against-poll scenario\n' } },
  memorySize: 512,
  timeout: 30,
  ...extra,
});

export interface ScenarioRun {
  readonly events: readonly TraceEvent[];
  /** A setting the world refused (e.g. a batch size above 10 without a batching window). */
  readonly error: string | null;
}

/** Push (async events) and poll (an SQS queue and its mapping) side by side, with the scenario's knobs. */
export function runPushPollScenario(s: PushPollScenario): ScenarioRun {
  const lab = createLabWorld({ seed: 7, startTimeMs: SCENARIO_START_MS, access: 'admin' });
  const runtime = createFakeRuntime(scenarioScript(s));
  const { world } = lab;
  const k = { ...DEFAULT_PUSH_POLL.knobs, ...s.knobs };
  const must = (what: string, r: { ok: boolean; error?: { message: string } }) => {
    if (!r.ok) throw new Error(`${what}: ${r.error?.message ?? 'refused'}`);
  };
  const call = (service: string, operation: string, params: JsonObject): JsonObject => {
    const r = lab.consoleCall(service, operation, params);
    if (r.kind !== 'result')
      throw new Error(`${operation}: ${r.kind === 'error' ? r.error.message : r.kind}`);
    return r.result;
  };
  try {
    call('sqs', 'CreateQueue', { QueueName: 'push-dlq' });
    call('sqs', 'CreateQueue', { QueueName: 'work-dlq' });
    const queueUrl = String(
      call('sqs', 'CreateQueue', {
        QueueName: 'work',
        Attributes: {
          VisibilityTimeout: String(k.visibilityTimeoutS ?? 30),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: `${ARN}:work-dlq`,
            maxReceiveCount: k.maxReceiveCount ?? 3,
          }),
        },
      }).QueueUrl,
    );
    must(
      'push function',
      world.createFunction(scriptedFn('pushed', { deadLetterConfig: { targetArn: `${ARN}:push-dlq` } })),
    );
    must('poll function', world.createFunction(scriptedFn('polled')));
    must(
      'retry attempts',
      world.putFunctionEventInvokeConfig('pushed', undefined, {
        maximumRetryAttempts: k.maximumRetryAttempts ?? 2,
        maximumEventAgeInSeconds: k.maximumEventAgeS ?? 21_600,
      }),
    );
    must('reserved concurrency', world.putFunctionConcurrency('pushed', k.reservedConcurrency ?? 3));
    call('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'polled',
      EventSourceArn: `${ARN}:work`,
      BatchSize: k.batchSize ?? 10,
      MaximumBatchingWindowInSeconds: k.batchingWindowS ?? 0,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: k.maximumConcurrency ?? 2 },
    });
    const spreadMs = s.spreadS * 1000;
    const arrivals: { t: number; send: () => void }[] = [];
    for (let i = 0; i < s.events; i++)
      arrivals.push({
        t: (i * spreadMs) / Math.max(1, s.events),
        send: () => {
          const r = world.invoke({
            functionName: 'pushed',
            invocationType: 'Event',
            payloadJson: `{"n":${i}}`,
          });
          if (r.ok) settleEffects(world, runtime, r.effects);
        },
      });
    for (let i = 0; i < s.messages; i++)
      arrivals.push({
        t: (i * spreadMs) / Math.max(1, s.messages),
        send: () => call('sqs', 'SendMessage', { QueueUrl: queueUrl, MessageBody: `{"n":${i}}` }),
      });
    arrivals.sort((a, b) => a.t - b.t);
    const start = world.now() + 1000;
    for (const a of arrivals) {
      advanceSettled(world, runtime, start + a.t);
      a.send();
    }
    // Long enough for both retries of an async event and every receive a redrive allows, within an hour.
    const tail = Math.max(
      200_000,
      ((k.visibilityTimeoutS ?? 30) * ((k.maxReceiveCount ?? 3) + 1) + 60) * 1000,
    );
    advanceSettled(world, runtime, start + spreadMs + Math.min(tail, 3_600_000));
    return { events: world.trace.events, error: null };
  } catch (error) {
    return { events: world.trace.events, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The demo the frame-time benchmark animates: three waves of `count` concurrent requests (two
 * synchronous, one asynchronous) against one function, about 13,000 trace events for 1,000 environments.
 */
export function runBurstDemo(count = 1000): readonly TraceEvent[] {
  const world: World = createWorld({ seed: 11, startTimeMs: SCENARIO_START_MS });
  const runtime = createFakeRuntime({ invoke: { sleepMs: 900 } });
  const created = world.createFunction({ ...scriptedFn('burst'), role: LAB_ROLE_ARN, timeout: 10 });
  if (!created.ok) throw new Error(created.error.message);
  settleEffects(world, runtime, created.effects);
  for (let wave = 0; wave < 3; wave++) {
    for (let i = 0; i < count; i++) {
      const r = world.invoke({
        functionName: 'burst',
        invocationType: wave === 2 ? 'Event' : 'RequestResponse',
        payloadJson: '{}',
      });
      if (r.ok) settleEffects(world, runtime, r.effects);
    }
    advanceSettled(world, runtime, world.now() + 2000);
  }
  return world.trace.events;
}

/** A measured handler, replayed: its Init report for every cold start, its warm reports in turn. */
export interface MeasuredHandler {
  readonly init: RunReport;
  readonly invokes: readonly RunReport[];
}

export function replayScript(m: MeasuredHandler): FakeScript {
  let next = 0;
  // Memory is the one thing a smaller size changes in the outcome: a handler that needed more than the
  // size allows is killed there, as Lambda does (Runtime.OutOfMemory).
  const atSize = (r: RunReport, env: EnvSpec): RunReport =>
    r.maxMemoryMb > env.memoryMb
      ? { ...r, outcome: { status: 'outOfMemory' }, maxMemoryMb: env.memoryMb }
      : r;
  return {
    // A SnapStart restore replays Init off the clock; the measured run had no after-restore hooks to time.
    init: (_request, env) =>
      atSize(env.snapStart?.restore ? { ...m.init, cpuMs: 0, sleepMs: 0, logs: [] } : m.init, env),
    invoke: (_request, env) => {
      const r = m.invokes[next % Math.max(1, m.invokes.length)];
      next++;
      return r ? atSize(r, env) : {};
    },
  };
}

/** A fresh lab world driven by the scripted runtime, as the sweeps' factory needs it. */
export function createScriptedLab(script: FakeScript, seed = 21): LabRunner {
  const lab = createLabWorld({ seed, startTimeMs: SCENARIO_START_MS, access: 'admin' });
  return createLabRunner(lab.world, createFakeRuntime(script));
}
