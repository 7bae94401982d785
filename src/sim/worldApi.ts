/** The world's public shapes: options, results of advancing time, snapshots, and the service interface. */
import type { Result } from './awsErrors';
import type { Bill } from './billing';
import type { ColdStartModel } from './coldStart';
import type { ConcurrencySnapshot } from './concurrency';
import type { ProvisionedConcurrencyStatus } from './concurrencyCommands';
import type { Effect } from './effects';
import type { LifetimeModel } from './environment';
import type {
  AliasConfiguration,
  AliasRoutingConfig,
  CodeInput,
  CreateFunctionInput,
  EventInvokeConfig,
  EventInvokeConfigInput,
  FunctionConfigPatch,
  FunctionConfiguration,
  LayerVersion,
  PublishLayerVersionInput,
} from './functionTypes';
import type { InvokeAccepted, InvokeParams } from './invoke';
import type { LogStore } from './logStore';
import type { ParkHandle } from './park';
import type { Rng } from './rng';
import type { RunReport } from './runtimePort';
import type { EnvState, InitType, Trace, TracePayloads } from './trace';
import type { DestinationSink, InvokeResponse } from './worldTypes';

export interface WorldOptions {
  readonly seed: number;
  readonly startTimeMs: number;
  readonly accountConcurrency?: number;
  readonly region?: string;
  readonly accountId?: string;
  readonly lifetime?: Partial<LifetimeModel>;
  readonly coldStart?: Partial<ColdStartModel>;
  /** Modeled delay between accepting an Event invoke and its first dispatch (default 0). */
  readonly asyncQueueDelayMs?: number;
  /** How many sync responses stay available to getResponse (default 10,000). */
  readonly retainInvocations?: number;
}

export interface AdvanceResult {
  readonly effects: readonly Effect[];
  /** True when runtime effects are outstanding: time waits for completeInit / completeInvoke. */
  readonly blocked: boolean;
  readonly now: number;
}

export interface EnvSnapshot {
  readonly envId: string;
  readonly functionName: string;
  readonly version: string;
  readonly state: EnvState;
  readonly initType: InitType;
  readonly logStreamName: string;
  readonly createdAt: number;
  readonly needsReset: boolean;
  readonly currentRequestId: string | null;
  readonly maxMemoryUsedMb: number;
}

/** What a simulated service (SQS, SNS, ...) may use: the world's clock, queue, RNG, trace and Invoke. */
export interface ServiceContext {
  now(): number;
  schedule(atMs: number, label: string, run: () => void, options?: { background?: boolean }): void;
  readonly rng: Rng;
  emit<K extends keyof TracePayloads>(name: K, payload: TracePayloads[K]): void;
  invoke(params: InvokeParams): Result<InvokeAccepted>;
  addDestinationSink(sink: DestinationSink): void;
  /** Parks the handler serving `requestId` while it waits on a sync call; null if none is running. */
  park(requestId: string, onDeadline: () => void): ParkHandle | null;
}

export interface SimService {
  readonly name: string;
  attach(ctx: ServiceContext): void;
}

export interface World {
  readonly trace: Trace;
  readonly logs: LogStore;
  now(): number;
  createFunction(input: CreateFunctionInput): Result<FunctionConfiguration>;
  getFunction(name: string, qualifier?: string): Result<FunctionConfiguration>;
  /** An alias as configured (its primary version and routing), or null when there is none. */
  getAlias(name: string, alias: string): AliasConfiguration | null;
  /** ListVersionsByFunction: `$LATEST` first, then the published versions in order. */
  listVersions(name: string): Result<FunctionConfiguration[]>;
  /** ListAliases, by name; with `functionVersion`, only the aliases that point at it. */
  listAliases(name: string, functionVersion?: string): Result<AliasConfiguration[]>;
  /** A SnapStart version's snapshot state (Pending while its Init runs), or null for other versions. */
  snapshotState(
    name: string,
    version: string,
  ): { readonly state: string; readonly reason: string | null } | null;
  updateFunctionConfiguration(name: string, patch: FunctionConfigPatch): Result<FunctionConfiguration>;
  updateFunctionCode(name: string, code: CodeInput): Result<FunctionConfiguration>;
  deleteFunction(name: string, qualifier?: string): Result<null>;
  publishVersion(name: string): Result<FunctionConfiguration>;
  createAlias(
    name: string,
    alias: string,
    version: string,
    routing?: AliasRoutingConfig,
  ): Result<AliasConfiguration>;
  updateAlias(
    name: string,
    alias: string,
    version: string,
    routing?: AliasRoutingConfig,
  ): Result<AliasConfiguration>;
  deleteAlias(name: string, alias: string): Result<null>;
  publishLayerVersion(input: PublishLayerVersionInput): Result<LayerVersion>;
  putFunctionConcurrency(name: string, reserved: number): Result<{ reservedConcurrentExecutions: number }>;
  deleteFunctionConcurrency(name: string): Result<null>;
  putProvisionedConcurrencyConfig(
    name: string,
    qualifier: string,
    count: number,
  ): Result<ProvisionedConcurrencyStatus>;
  getProvisionedConcurrencyConfig(name: string, qualifier: string): ProvisionedConcurrencyStatus | null;
  deleteProvisionedConcurrencyConfig(name: string, qualifier: string): Result<null>;
  putFunctionEventInvokeConfig(
    name: string,
    qualifier: string | undefined,
    config: EventInvokeConfigInput,
  ): Result<EventInvokeConfig>;
  /** A lab setting (a Service Quotas change in AWS): the account's concurrent executions limit. */
  setAccountConcurrency(limit: number): Result<{ accountLimit: number }>;
  invoke(params: InvokeParams): Result<InvokeAccepted>;
  /** The sync response once the invocation ended; null while pending; undefined if unknown or forgotten. */
  getResponse(requestId: string): InvokeResponse | null | undefined;
  completeInit(envId: string, report: RunReport): Result<null>;
  completeInvoke(envId: string, requestId: string, report: RunReport): Result<null>;
  advanceTo(timeMs: number): AdvanceResult;
  advanceBy(ms: number): AdvanceResult;
  /** Run until no foreground work (invocations, inits, async events) is scheduled. */
  runUntilIdle(): AdvanceResult;
  nextEventTime(): number | undefined;
  outstandingEffects(): number;
  /** Handlers parked on a synchronous call: the shell should keep time moving for them. */
  parkedCount(): number;
  envs(): EnvSnapshot[];
  concurrency(): ConcurrencySnapshot;
  bill(): Bill;
  registerService(service: SimService): void;
  addDestinationSink(sink: DestinationSink): void;
}
