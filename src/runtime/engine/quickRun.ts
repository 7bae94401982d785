/**
 * quickRun: one handler run in a throwaway environment (init, invoke, destroy), for the app's first screen
 * before the simulation drives the runtime. Real time stands in for the virtual clock here (cpuScale 1).
 */
import type { EnvSpec, RunReport, WorkModel } from '../../sim/runtimePort';
import type { QuickRunRequest, QuickRunResult } from '../protocol';
import type { Engine } from './engine';

const FUNCTION_NAME = 'quick-run';
const MEMORY_MB = 128;
const TIMEOUT_MS = 3000;
let runs = 0;

export function quickRunSpec(envId: string, request: QuickRunRequest): EnvSpec {
  const logGroupName = `/aws/lambda/${FUNCTION_NAME}`;
  const logStreamName = `quick/[$LATEST]${envId}`;
  return {
    envId,
    functionName: FUNCTION_NAME,
    functionVersion: '$LATEST',
    runtime: 'python3.14',
    handler: request.handler,
    memoryMb: MEMORY_MB,
    timeoutMs: TIMEOUT_MS,
    ephemeralStorageMb: 512,
    environment: {
      AWS_LAMBDA_FUNCTION_NAME: FUNCTION_NAME,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(MEMORY_MB),
      AWS_LAMBDA_LOG_GROUP_NAME: logGroupName,
      AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_python3.14',
      LAMBDA_TASK_ROOT: '/var/task',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      LANG: 'en_US.UTF-8',
      TZ: ':UTC',
      _HANDLER: request.handler,
    },
    code: request.files,
    layers: [],
    logGroupName,
    logStreamName,
    cpuScale: 1,
  };
}

/** The JSON a synchronous invoke would answer for a run that did not succeed. */
function failurePayload(report: RunReport, requestId: string): string {
  const { outcome } = report;
  switch (outcome.status) {
    case 'success':
      return outcome.responseJson;
    case 'error':
      return JSON.stringify(outcome.error);
    case 'timeout':
      return JSON.stringify({
        errorType: 'Sandbox.Timedout',
        errorMessage: `RequestId: ${requestId} Error: Task timed out after ${(TIMEOUT_MS / 1000).toFixed(2)} seconds`,
      });
    case 'outOfMemory':
      return JSON.stringify({
        errorType: 'Runtime.OutOfMemory',
        errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed`,
      });
    case 'crash':
      return JSON.stringify({
        errorType: 'Runtime.ExitError',
        errorMessage: `RequestId: ${requestId} Error: ${outcome.message}`,
      });
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

export function quickRun(
  engine: Engine,
  request: QuickRunRequest,
  nowMs: number = Date.now(),
  workModel: WorkModel = 'measured',
): QuickRunResult {
  runs += 1;
  const envId = `quick-run-${runs}`;
  const requestId = `00000000-0000-4000-8000-${String(runs).padStart(12, '0')}`;
  const env = quickRunSpec(envId, request);
  try {
    const init = engine.init({ env, nowMs, limitMs: 10_000, workModel });
    const initLines = init.logs.map((line) => line.text);
    const initMs = init.cpuMs + init.sleepMs;
    if (init.outcome.status !== 'success') {
      return { ok: false, payloadJson: failurePayload(init, ''), stdout: initLines, durationMs: initMs };
    }
    const start = nowMs + initMs;
    const invoke = engine.invoke({
      envId,
      requestId,
      eventJson: request.eventJson,
      nowMs: start,
      deadlineMs: start + TIMEOUT_MS,
      invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${FUNCTION_NAME}`,
      workModel,
    });
    return {
      ok: invoke.outcome.status === 'success',
      payloadJson: failurePayload(invoke, requestId),
      stdout: [...initLines, ...invoke.logs.map((line) => line.text)],
      durationMs: invoke.cpuMs + invoke.sleepMs,
    };
  } finally {
    engine.destroy(envId);
  }
}
