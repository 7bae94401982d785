/**
 * The typed trace: every state change of the world as a dotted-name event at a virtual time. Services
 * add their own names by augmenting `TracePayloads` (declaration merging), so the union stays typed.
 */

export type EnvState = 'creating' | 'initializing' | 'idle' | 'busy' | 'shuttingDown' | 'gone';
export type InitType = 'on-demand' | 'provisioned-concurrency' | 'snap-start';
export type InitPart = 'runtime' | 'package' | 'layers' | 'vpc' | 'restore' | 'module';
export type InitPhase = 'init' | 'invoke';
export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';
export type InvokeStatus = 'success' | 'error' | 'timeout' | 'outOfMemory' | 'crash';
export type AsyncOutcome = 'success' | 'retriesExhausted' | 'eventAgeExceeded' | 'dropped';
export type DestinationTarget = 'onSuccess' | 'onFailure' | 'deadLetterQueue';

/** Handler Duration = workMs x cpuScale + waitMs + runtimeMs (a timeout is cut at the limit instead). */
export interface DurationModel {
  /** The handler's work in ms on one Lambda vCPU (measured and calibrated, or counted); null when it never reported. */
  readonly workMs: number | null;
  /** How workMs was obtained: measured on this machine, or counted (deterministic, for checks and demos). */
  readonly work: 'measured' | 'counted';
  /** Measured in a browser: the estimated share of a core the preempted time was taken out by. */
  readonly loadShare?: number;
  /** Virtual ms per ms of work at this memory (1,769 MB = one vCPU). */
  readonly cpuScale: number;
  /** Virtual ms spent in time.sleep and modeled AWS calls. */
  readonly waitMs: number;
  /** The Lambda runtime's own modeled part of the invoke (Runtime API round trip). */
  readonly runtimeMs: number;
}

export interface TracePayloads {
  'world.created': { seed: number; startTimeMs: number };
  'lambda.function.created': { functionName: string; functionArn: string };
  'lambda.function.updated': { functionName: string; change: 'code' | 'configuration'; revision: number };
  'lambda.function.deleted': { functionName: string; qualifier: string | null };
  'lambda.version.published': { functionName: string; version: string };
  /** A SnapStart version's snapshot Init ended: the version is Active (or Failed). */
  'lambda.version.snapshot': { functionName: string; version: string; state: 'Active' | 'Failed' };
  /** A SnapStart environment restored its version's snapshot: billed per GB restored (modeled price). */
  'billing.snapstart.restore': { envId: string; functionName: string; memoryMb: number; costUsd: number };
  'lambda.alias.changed': {
    functionName: string;
    alias: string;
    version: string | null;
    action: 'created' | 'updated' | 'deleted';
  };
  'lambda.layer.published': { layerVersionArn: string };
  'lambda.concurrency.reserved': { functionName: string; reserved: number | null };
  'lambda.concurrency.provisioned': { functionName: string; qualifier: string; allocated: number };
  'lambda.eventinvokeconfig.put': { functionName: string; qualifier: string };
  'lambda.env.created': {
    envId: string;
    functionName: string;
    version: string;
    initType: InitType;
    logStreamName: string;
  };
  'lambda.env.state': { envId: string; from: EnvState; to: EnvState; reason: string };
  /** One modeled or measured part of an Init phase, laid out on the timeline from startMs. */
  'lambda.env.init.span': {
    envId: string;
    phase: InitPhase;
    part: InitPart;
    startMs: number;
    durationMs: number;
    model: string;
  };
  'lambda.env.init.end': {
    envId: string;
    phase: InitPhase;
    status: 'success' | 'error' | 'timeout';
    durationMs: number;
    errorType: string | null;
  };
  /** A handler waits on a synchronous call (Lambda-to-Lambda invoke): billed, but not holding time back. */
  'lambda.invoke.parked': { requestId: string; functionName: string };
  'lambda.invoke.resumed': { requestId: string; functionName: string };
  'lambda.invoke.accepted': { requestId: string; functionName: string; qualifier: string };
  'lambda.invoke.start': {
    requestId: string;
    functionName: string;
    version: string;
    envId: string;
    invocationType: InvocationType;
    cold: boolean;
    attempt: number;
  };
  'lambda.invoke.end': {
    requestId: string;
    functionName: string;
    envId: string;
    status: InvokeStatus;
    durationMs: number;
    billedDurationMs: number;
    initDurationMs: number | null;
    statusCode: number;
    functionError: 'Unhandled' | null;
    errorType: string | null;
    /** How the handler's Duration was modeled: its work in ms on one vCPU (measured, calibrated; null
     * when it did not run to its end), the memory's CPU scale, and virtual waits (sleep, AWS calls). */
    model: DurationModel;
  };
  'lambda.invoke.throttled': {
    requestId: string;
    functionName: string;
    invocationType: InvocationType;
    reason: string;
  };
  'lambda.async.retry.scheduled': {
    requestId: string;
    cause: 'functionError' | 'throttle';
    atMs: number;
    attempt: number;
  };
  'lambda.async.completed': { requestId: string; outcome: AsyncOutcome; approximateInvokeCount: number };
  'lambda.destination.delivered': {
    requestId: string;
    target: DestinationTarget;
    destinationArn: string;
    bodyJson: string;
  };
  'logs.stream.created': { logGroupName: string; logStreamName: string };
  'logs.event': { logGroupName: string; logStreamName: string; timestamp: number; message: string };
  'billing.charge': {
    requestId: string;
    functionName: string;
    architecture: 'x86_64' | 'arm64';
    memoryMb: number;
    billedDurationMs: number;
    gbSeconds: number;
    provisioned: boolean;
    /** List price of this request and its duration before the free tier; approximate for PC. */
    costUsd: number;
    approximate: boolean;
  };
}

export type TraceName = keyof TracePayloads;
export type TraceEventOf<K extends TraceName> = {
  readonly name: K;
  readonly t: number;
  readonly seq: number;
} & Readonly<TracePayloads[K]>;
export type TraceEvent = { [K in TraceName]: TraceEventOf<K> }[TraceName];
export type TraceListener = (event: TraceEvent) => void;

export interface Trace {
  /** Append-only: readers keep an index, never a copy. */
  readonly events: readonly TraceEvent[];
  /** Appends and returns the event; the payload object is copied, never kept. */
  emit<K extends TraceName>(name: K, t: number, payload: TracePayloads[K]): TraceEventOf<K>;
  subscribe(listener: TraceListener): () => void;
}

export function createTrace(): Trace {
  const events: TraceEvent[] = [];
  let listeners: TraceListener[] = [];
  return {
    events,
    emit(name, t, payload) {
      const event = { name, t, seq: events.length, ...payload } as unknown as TraceEvent;
      events.push(event);
      for (const l of listeners) l(event);
      return event as unknown as TraceEventOf<typeof name>;
    },
    subscribe(listener) {
      listeners = [...listeners, listener];
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
  };
}

/** Narrow a trace to one event name, typed. */
export function eventsNamed<K extends TraceName>(events: readonly TraceEvent[], name: K): TraceEventOf<K>[] {
  return events.filter((e): e is TraceEventOf<K> & TraceEvent => e.name === name) as TraceEventOf<K>[];
}
