/** The public surface of the simulation kernel: the controller, UI and CLI import only from here. */

export type { AwsError, AwsErrorName, Result, ThrottleReason } from './awsErrors';
export type { Bill } from './billing';
export { billedDurationMs, gbSeconds } from './billing';
export type { ColdStartModel } from './coldStart';
export { cpuScaleFor, DEFAULT_COLD_START_MODEL } from './coldStart';
export type { ConcurrencySnapshot, FunctionConcurrency } from './concurrency';
export type { ProvisionedConcurrencyStatus } from './concurrencyCommands';
export type { Effect } from './effects';
export { isBlocking } from './effects';
export type { EnvEvent, LifetimeModel } from './environment';
export { DEFAULT_LIFETIME_MODEL, nextEnvState } from './environment';
export type { FakeEntry, FakePhase, FakeRuntime, FakeScript } from './fakeRuntime';
export { createFakeRuntime } from './fakeRuntime';
export type {
  AliasConfiguration,
  AliasRoutingConfig,
  CodeInput,
  CreateFunctionInput,
  DestinationConfigInput,
  EventInvokeConfig,
  EventInvokeConfigInput,
  FunctionConfigPatch,
  FunctionConfiguration,
  LayerVersion,
  LogFormat,
  PackageType,
  PublishLayerVersionInput,
  VpcConfigInput,
} from './functionTypes';
export type { InvokeAccepted, InvokeParams } from './invoke';
export { invocationTypeError, payloadError } from './invokeInput';
export * as limits from './limits';
export type { LogEvent, LogStore } from './logStore';
export type { Rng } from './rng';
export { createRng } from './rng';
export type {
  AppLogLine,
  EnvSpec,
  ErrorPayload,
  FileTree,
  InitRequest,
  InvokeRequest,
  LayerMount,
  RunOutcome,
  RunReport,
  RuntimePort,
  WorkModel,
} from './runtimePort';
export type { Architecture, RuntimeProfile } from './runtimes';
export { RUNTIME_IDS, RUNTIME_PROFILES, runtimeProfile } from './runtimes';
export { advanceSettled, runUntilIdleSettled, settleEffects } from './settle';
export { SNAPSHOT_TAKEN } from './snapStart';
export { civilFromDays, isoTimestamp, streamDate, utcMs } from './timeFormat';
export type {
  AsyncOutcome,
  DestinationTarget,
  DurationModel,
  EnvState,
  InitPart,
  InitPhase,
  InitType,
  InvocationType,
  InvokeStatus,
  Trace,
  TraceEvent,
  TraceEventOf,
  TraceListener,
  TraceName,
  TracePayloads,
} from './trace';
export { eventsNamed } from './trace';
export { isTraceName, TRACE_NAMES } from './traceNameList';
export type { AdvanceResult, EnvSnapshot, ServiceContext, SimService, World, WorldOptions } from './world';
export { createWorld } from './world';
export type { DestinationDelivery, DestinationSink, InvokeResponse } from './worldTypes';
