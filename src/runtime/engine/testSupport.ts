/** Test helpers: a Pyodide with the engine on top, and specs and requests with sensible defaults. */
import { loadPyodide } from 'pyodide';
import type { EnvSpec, InitRequest, InvokeRequest } from '../../sim/runtimePort';
import { readPythonSources } from '../node/pythonSources';
import { createSchedstatReader } from '../node/runDelay';
import { createEngine, type Engine } from './engine';

/** An engine measuring time as the Node host does; `timerScale` simulates a slower machine. */
export async function loadEngine(timerScale = 1): Promise<Engine> {
  const pyodide = await loadPyodide();
  const schedstat = createSchedstatReader() ?? undefined;
  return createEngine(pyodide, readPythonSources(), { schedstat, timerScale });
}

export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

let envCount = 0;

export function spec(overrides: Partial<EnvSpec> & { code: EnvSpec['code'] }): EnvSpec {
  envCount += 1;
  const envId = overrides.envId ?? `env-${envCount}`;
  const functionName = overrides.functionName ?? 'my-function';
  const memoryMb = overrides.memoryMb ?? 128;
  return {
    envId,
    functionName,
    functionVersion: '$LATEST',
    runtime: 'python3.14',
    handler: 'lambda_function.lambda_handler',
    memoryMb,
    timeoutMs: 3000,
    ephemeralStorageMb: 512,
    layers: [],
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `2026/01/15/[$LATEST]${envId}`,
    cpuScale: 1,
    ...overrides,
    environment: {
      AWS_LAMBDA_FUNCTION_NAME: functionName,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMb),
      AWS_REGION: 'us-east-1',
      ...overrides.environment,
    },
  };
}

export function initRequest(env: EnvSpec, nowMs = T0): InitRequest {
  return { env, nowMs, limitMs: 10_000 };
}

let requestCount = 0;

export function invokeRequest(env: EnvSpec, event: unknown = {}, nowMs = T0 + 1000): InvokeRequest {
  requestCount += 1;
  return {
    envId: env.envId,
    requestId: `req-${requestCount}`,
    eventJson: JSON.stringify(event),
    nowMs,
    deadlineMs: nowMs + env.timeoutMs,
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${env.functionName}`,
  };
}

/** One handler file as function code. */
export function handlerCode(source: string): EnvSpec['code'] {
  return { 'lambda_function.py': source };
}
