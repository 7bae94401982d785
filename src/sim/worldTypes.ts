/** Internal state of the world, shared by the command modules. Nothing here is exported from index.ts. */
import type { ThrottleReason } from './awsErrors';
import type { BillingLedger } from './billing';
import type { ColdStartModel, InitSpanPlan } from './coldStart';
import type { ConfigCandidate } from './configValidation';
import type { Effect } from './effects';
import type { LifetimeModel } from './environment';
import type { EventQueue } from './eventQueue';
import type {
  AliasConfiguration,
  EventInvokeConfig,
  FunctionConfiguration,
  LayerVersion,
} from './functionTypes';
import type { LogStore } from './logStore';
import type { Rng } from './rng';
import type { AppLogLine, EnvSpec, RunReport } from './runtimePort';
import type { SnapshotRecord } from './snapStart';
import type {
  DestinationTarget,
  DurationModel,
  EnvState,
  InitPhase,
  InitType,
  InvocationType,
  InvokeStatus,
  Trace,
} from './trace';

export type Scheduled =
  | { readonly kind: 'initDone'; readonly env: Env }
  | { readonly kind: 'invokeDone'; readonly env: Env }
  | { readonly kind: 'idleReap'; readonly env: Env }
  | { readonly kind: 'maxLifetime'; readonly env: Env }
  | { readonly kind: 'asyncDispatch'; readonly event: AsyncEvent }
  | {
      readonly kind: 'service';
      readonly label: string;
      readonly run: () => void;
      readonly background: boolean;
    };

/** One provisioned concurrency config; updated in place so its environments keep pointing at it. */
export interface PcConfig {
  readonly qualifier: string;
  version: string;
  requested: number;
  sinceMs: number;
  readonly envs: Set<Env>;
}

export interface FunctionRecord {
  readonly name: string;
  readonly arn: string;
  /** The merged request fields of `$LATEST`, so an update can be validated as a whole before it applies. */
  raw: ConfigCandidate;
  latest: FunctionConfiguration;
  readonly versions: Map<string, FunctionConfiguration>;
  nextVersion: number;
  lastPublishedRevision: number;
  readonly aliases: Map<string, AliasConfiguration>;
  reserved: number | null;
  readonly pc: Map<string, PcConfig>;
  /** Keyed by qualifier; '' is the unqualified config. */
  readonly eventInvokeConfigs: Map<string, EventInvokeConfig>;
  /** SnapStart snapshots by version. */
  readonly snapshots: Map<string, SnapshotRecord>;
  onDemandInFlight: number;
  pcAllocated: number;
  scalingTokens: number;
  scalingTokensAt: number;
  deleted: boolean;
}

export interface InitRun {
  readonly phase: InitPhase;
  readonly startedAt: number;
  readonly spans: readonly InitSpanPlan[];
  readonly platformCentis: number;
  readonly limitCentis: number;
  status: 'success' | 'error' | 'timeout';
  totalCentis: number;
  errorType: string | null;
  /** Python's error payload for `error`, or the detail of a platform error (`Runtime exited with ...`). */
  errorJson: string | null;
  errorDetail: string | null;
  logs: readonly AppLogLine[];
}

export interface Invocation {
  readonly requestId: string;
  readonly functionName: string;
  readonly version: string;
  readonly invokedArn: string;
  readonly type: Exclude<InvocationType, 'DryRun'>;
  readonly payloadJson: string;
  readonly clientContextJson: string | undefined;
  readonly attempt: number;
  /** Continuation for async attempts and services; sync responses are stored instead. */
  readonly onDone: ((result: AttemptResult) => void) | null;
  readonly cold: boolean;
  /** When the environment began serving this request (after a cold Init, before a suppressed one). */
  serveStart: number;
  handlerStart: number;
  preInvokeCentis: number;
  initCentis: number | null;
  restoreCentis: number | null;
  /** Set once the runtime reported the handler run. */
  handler: { readonly centis: number; readonly status: InvokeStatus; readonly report: RunReport } | null;
  /** Index of this request's START line in its stream, for the response's log tail. */
  logFrom: number;
}

export interface Env {
  readonly id: string;
  readonly fn: FunctionRecord;
  readonly config: FunctionConfiguration;
  readonly poolKey: string;
  readonly initType: InitType;
  readonly spec: EnvSpec;
  readonly logGroup: string;
  readonly logStream: string;
  readonly createdAt: number;
  readonly json: boolean;
  readonly pc: PcConfig | null;
  /** Set on the environment that takes a SnapStart version's snapshot at publish (it serves no request). */
  readonly takesSnapshot: boolean;
  state: EnvState;
  awaiting: 'none' | 'init' | 'invoke';
  /** Issue order of the outstanding runtime effect, and whether its report arrived (it may wait its turn). */
  issueSeq: number;
  reported: boolean;
  init: InitRun | null;
  /** Init Duration (and SnapStart restore) to print on the first invoke this environment serves. */
  pendingColdInitCentis: number | null;
  pendingRestoreCentis: number | null;
  needsReset: boolean;
  maxMemoryMb: number;
  /** Modeled idle lifetime of this environment (seeded draw at creation) and when it last became idle. */
  readonly idleTtlMs: number;
  idleSince: number;
  idleTimerPending: boolean;
  retire: boolean;
  current: Invocation | null;
}

export interface AsyncEvent {
  readonly id: number;
  readonly requestId: string;
  readonly functionName: string;
  readonly qualifier: string | undefined;
  readonly payloadJson: string;
  readonly enqueuedAt: number;
  attempts: number;
  throttleBackoffMs: number;
  last: AttemptResult | null;
  done: boolean;
}

export interface AttemptResult {
  readonly status: InvokeStatus;
  readonly statusCode: number;
  readonly functionError: 'Unhandled' | null;
  readonly payloadJson: string;
  readonly executedVersion: string;
}

export interface InvokeResponse {
  readonly requestId: string;
  readonly statusCode: number;
  readonly functionError: 'Unhandled' | null;
  readonly payloadJson: string;
  readonly executedVersion: string;
  readonly status: InvokeStatus;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly initDurationMs: number | null;
  readonly logStreamName: string;
  /** The last 4 KB of this request's log lines from START on (what `--log-type Tail` returns, decoded). */
  readonly logTail: string;
  /** How the handler's part of Duration was modeled (see DurationModel). */
  readonly model: DurationModel;
}

export interface DestinationDelivery {
  readonly requestId: string;
  readonly target: DestinationTarget;
  readonly destinationArn: string;
  readonly bodyJson: string;
  /** DLQ message attributes (RequestID, ErrorCode, ErrorMessage). */
  readonly attributes: Readonly<Record<string, string>>;
}

/** Where other simulated services pick up destination deliveries for ARNs they own. */
export interface DestinationSink {
  accepts(destinationArn: string): boolean;
  deliver(delivery: DestinationDelivery): void;
}

export interface WorldOptionsResolved {
  readonly seed: number;
  readonly region: string;
  readonly accountId: string;
  readonly lifetime: LifetimeModel;
  readonly coldStart: ColdStartModel;
  readonly asyncQueueDelayMs: number;
  readonly retainInvocations: number;
}

export interface WorldCtx {
  now: number;
  readonly opts: WorldOptionsResolved;
  readonly rng: Rng;
  readonly trace: Trace;
  readonly queue: EventQueue<Scheduled>;
  readonly logs: LogStore;
  readonly ledger: BillingLedger;
  readonly outbox: Effect[];
  /** Runtime effects handed out and not yet completed; virtual time waits for them. */
  outstanding: number;
  /**
   * Reports are applied in the order their effects were issued, whatever order a worker pool finishes
   * them in, so the same seed and outcomes give the same trace.
   */
  nextIssueSeq: number;
  nextApplySeq: number;
  readonly deferred: Map<number, () => void>;
  /** Scheduled items that are not background timers (reaping, lifetime). */
  foreground: number;
  readonly functions: Map<string, FunctionRecord>;
  readonly layers: Map<string, LayerVersion[]>;
  readonly envs: Map<string, Env>;
  readonly idlePools: Map<string, Env[]>;
  readonly pcPools: Map<string, Env[]>;
  readonly responses: Map<string, InvokeResponse | null>;
  readonly sinks: DestinationSink[];
  nextAsyncId: number;
  accountLimit: number;
  totalReserved: number;
  unreservedInUse: number;
}

export type AcquireResult = { readonly env: Env; readonly cold: boolean } | ThrottleReason;

export function schedule(ctx: WorldCtx, at: number, item: Scheduled): void {
  const background =
    item.kind === 'idleReap' || item.kind === 'maxLifetime' || (item.kind === 'service' && item.background);
  if (!background) ctx.foreground++;
  ctx.queue.push(at, item);
}

const poolKeys = new WeakMap<FunctionConfiguration, string>();

/** Environments are pooled per function, version and revision; configurations are immutable, so cache. */
/** Mark an environment as waiting on a runtime effect, numbered in issue order. */
export function awaitRuntime(ctx: WorldCtx, env: Env, kind: 'init' | 'invoke'): void {
  env.awaiting = kind;
  env.issueSeq = ctx.nextIssueSeq++;
  env.reported = false;
  ctx.outstanding++;
}

/** Apply a report now if it is next in issue order, else keep it until those before it arrive. */
export function applyInOrder(ctx: WorldCtx, env: Env, apply: () => void): void {
  env.reported = true;
  if (env.issueSeq === ctx.nextApplySeq) {
    ctx.nextApplySeq++;
    apply();
  } else ctx.deferred.set(env.issueSeq, apply);
  if (ctx.deferred.size === 0) return;
  for (let next = ctx.deferred.get(ctx.nextApplySeq); next; next = ctx.deferred.get(ctx.nextApplySeq)) {
    ctx.deferred.delete(ctx.nextApplySeq);
    ctx.nextApplySeq++;
    next();
  }
}

export function poolKey(config: FunctionConfiguration): string {
  let key = poolKeys.get(config);
  if (key === undefined) {
    key = `${config.functionName}\u0000${config.version}\u0000${config.revision}`;
    poolKeys.set(config, key);
  }
  return key;
}

export function functionArn(ctx: WorldCtx, name: string, qualifier?: string): string {
  const base = `arn:aws:lambda:${ctx.opts.region}:${ctx.opts.accountId}:function:${name}`;
  return qualifier === undefined ? base : `${base}:${qualifier}`;
}
