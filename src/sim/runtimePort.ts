/**
 * The runtime port: the contract where the pure simulation meets real Python.
 *
 * The sim never calls Python. A sim step returns effects (`runInit`, `runInvoke`, `destroyEnv`) as plain
 * data; the controller hands them to a `RuntimePort` implementation (Pyodide in a worker, Pyodide in Node,
 * or the scripted fake used by tests) and feeds the `RunReport` back into the world. All times here are
 * virtual milliseconds since the Unix epoch, so a handler's `time.time()` and its log timestamps agree
 * with the sim's clock.
 */

/** Files keyed by a path relative to their mount point (`/var/task` for code, `/opt` for a layer). */
export type FileTree = Readonly<Record<string, string>>;

export interface LayerMount {
  readonly arn: string;
  readonly files: FileTree;
}

/** Everything the runtime needs to create one execution environment. */
export interface EnvSpec {
  readonly envId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly runtime: string;
  readonly handler: string;
  readonly memoryMb: number;
  readonly timeoutMs: number;
  readonly ephemeralStorageMb: number;
  /** The full process environment, reserved variables included (the sim computes them). */
  readonly environment: Readonly<Record<string, string>>;
  readonly code: FileTree;
  readonly layers: readonly LayerMount[];
  readonly logGroupName: string;
  readonly logStreamName: string;
  /**
   * Virtual ms of handler time per ms of work on one vCPU (modeled: 1,769 MB = one vCPU, and a
   * single-threaded Python handler gains nothing beyond one vCPU, so this is max(1, 1769 / memoryMb)).
   * Init runs at full CPU (scale 1) whatever the memory.
   */
  readonly cpuScale: number;
  /**
   * Attached to a VPC. The lab models a VPC with neither NAT gateway nor endpoints: outbound connections
   * hang until the function times out, as the module's VPC question describes.
   */
  readonly inVpc?: boolean;
  /**
   * SnapStart: the seed of `random` in the snapshot's Init; `restore` says this environment restores the
   * snapshot (the runtime replays Init silently and unbilled, then runs the after-restore hooks) rather
   * than taking it (Init, then the before-snapshot hooks).
   */
  readonly snapStart?: { readonly seed: number; readonly restore: boolean };
}

/**
 * How the runtime obtains a phase's work: `measured` on this machine and calibrated (the learner's own
 * runs, the default), or `counted` from the Python the function runs (deterministic: worlds whose
 * verdicts depend on time, such as exercise checks, demos and scenarios).
 */
export type WorkModel = 'measured' | 'counted';

export interface InitRequest {
  readonly env: EnvSpec;
  readonly nowMs: number;
  /** The init phase's own limit (10 s), or the remaining invoke time for a suppressed init. */
  readonly limitMs: number;
  readonly workModel?: WorkModel;
}

export interface InvokeRequest {
  readonly envId: string;
  readonly requestId: string;
  readonly eventJson: string;
  readonly nowMs: number;
  readonly deadlineMs: number;
  readonly invokedFunctionArn: string;
  readonly clientContextJson?: string;
  readonly workModel?: WorkModel;
}

/** An application log line (print, logging, context.log) with its virtual offset from the phase start. */
export interface AppLogLine {
  readonly offsetMs: number;
  readonly text: string;
}

/** The Python runtime's error payload, key order as the Lambda Python runtime produces it. */
export interface ErrorPayload {
  readonly errorMessage: string;
  readonly errorType: string;
  readonly requestId: string;
  readonly stackTrace: readonly string[];
}

export type RunOutcome =
  | { readonly status: 'success'; readonly responseJson: string }
  | { readonly status: 'error'; readonly error: ErrorPayload }
  | { readonly status: 'timeout' }
  | { readonly status: 'outOfMemory' }
  | { readonly status: 'crash'; readonly message: string };

export interface RunReport {
  readonly outcome: RunOutcome;
  /**
   * The user code's work in ms on one Lambda vCPU (measured here, then calibrated, or counted; the lab's
   * own overhead left out), before the memory/CPU scale. Duration = cpuMs x cpuScale + sleepMs + runtimeMs.
   */
  readonly cpuMs: number;
  /** The same work as measured on this machine, before calibration (absent from scripted runtimes). */
  readonly localMs?: number;
  /** How cpuMs was obtained (absent: measured, or scripted). */
  readonly workModel?: WorkModel;
  /** Measured where the scheduler cannot be read (a browser): the estimated core share the wall time was scaled by. */
  readonly loadShare?: number;
  /** Virtual time spent in time.sleep during the phase. */
  readonly sleepMs: number;
  /** Modeled: the Lambda runtime's own part of an invoke (Runtime API round trip), unscaled by memory. */
  readonly runtimeMs?: number;
  /** Modeled memory high-water mark of the environment in MB (runtime baseline + Python allocation). */
  readonly maxMemoryMb: number;
  readonly logs: readonly AppLogLine[];
}

export interface RuntimePort {
  init(request: InitRequest): Promise<RunReport>;
  invoke(request: InvokeRequest): Promise<RunReport>;
  destroy(envId: string): Promise<void>;
}
