/** The process environment of an execution environment: user variables plus the reserved ones (facts §3.2). */
import { cpuScaleFor, profileFor } from './coldStart';
import type { FunctionConfiguration } from './functionTypes';
import type { Rng } from './rng';
import type { EnvSpec } from './runtimePort';
import { executionEnvName } from './runtimes';
import type { InitType } from './trace';

export interface EnvSpecArgs {
  readonly envId: string;
  readonly config: FunctionConfiguration;
  readonly initType: InitType;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly region: string;
  readonly rng: Rng;
  readonly snapStart?: { readonly seed: number; readonly restore: boolean } | undefined;
}

/** Unreserved defaults from the python3.12 base image; user variables may override these. */
const UNRESERVED_DEFAULTS: Readonly<Record<string, string>> = {
  LANG: 'en_US.UTF-8',
  TZ: ':/etc/localtime',
  PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
  LD_LIBRARY_PATH:
    '/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib',
  PYTHONPATH: '/var/runtime',
  AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
  AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000',
};

export function buildEnvSpec(a: EnvSpecArgs): EnvSpec {
  const c = a.config;
  const keyId = `ASIA${a.rng.hex(16).toUpperCase()}`;
  const environment: Record<string, string> = {
    ...UNRESERVED_DEFAULTS,
    ...(c.logFormat === 'JSON' ? { AWS_LAMBDA_LOG_FORMAT: 'JSON' } : {}),
    ...c.environment,
    _HANDLER: c.handler,
    AWS_REGION: a.region,
    AWS_DEFAULT_REGION: a.region,
    AWS_EXECUTION_ENV: executionEnvName(profileFor(c).id),
    AWS_LAMBDA_FUNCTION_NAME: c.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(c.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: c.version,
    AWS_LAMBDA_INITIALIZATION_TYPE: a.initType,
    AWS_LAMBDA_LOG_GROUP_NAME: a.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: a.logStreamName,
    AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
    LAMBDA_TASK_ROOT: '/var/task',
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    // Fake STS session credentials of the execution role, drawn from the seeded RNG.
    AWS_ACCESS_KEY_ID: keyId,
    AWS_ACCESS_KEY: keyId,
    AWS_SECRET_ACCESS_KEY: a.rng.hex(40),
    AWS_SESSION_TOKEN: `IQoJb3JpZ2luX2VjE${a.rng.hex(96)}`,
  };
  return {
    envId: a.envId,
    functionName: c.functionName,
    functionVersion: c.version,
    runtime: profileFor(c).id,
    handler: c.handler,
    memoryMb: c.memorySize,
    timeoutMs: c.timeout * 1000,
    ephemeralStorageMb: c.ephemeralStorageMb,
    environment,
    code: c.code,
    layers: c.layers.map((l) => ({ arn: l.layerVersionArn, files: l.files })),
    logGroupName: a.logGroupName,
    logStreamName: a.logStreamName,
    cpuScale: cpuScaleFor(c.memorySize),
    inVpc: c.vpc !== null,
    ...(a.snapStart ? { snapStart: a.snapStart } : {}),
  };
}
