/**
 * The one typed protocol at the worker boundary. Both the browser worker and the Node worker thread speak
 * it; the host and the worker each declare their handlers with `satisfies` against these unions, so the
 * two sides cannot drift. Bump PROTOCOL_VERSION on any incompatible change.
 */
import type { InitRequest, InvokeRequest, RunReport } from '../sim/runtimePort';

/**
 * v2 added `fatal` (the worker's interpreter is unusable: the host replaces the worker).
 * v3 added the AWS call channel: `awsCall` / `awsCallMore` and BootOptions.awsChannel.
 * v4 added the editor's syntax check: `checkSyntax` / `syntaxResult`.
 * v5 added `awsAnswer`: without shared memory the host answers an AWS call by message (the worker waits
 * through JSPI).
 */
export const PROTOCOL_VERSION = 5;

/** Named start-up phases, in order; each one is timed and reported. */
export const BOOT_PHASES = ['download', 'compile', 'interpreter', 'ready'] as const;
export type BootPhase = (typeof BOOT_PHASES)[number];

export interface BootOptions {
  /** Absolute URL of the folder holding Pyodide's files (browser) or undefined to use the package (Node). */
  readonly indexUrl?: string;
  /** Absolute URL (browser) or file path (Node) of a memory snapshot to restore from, when one exists. */
  readonly snapshotUrl?: string;
  /** Set by the host when cross-origin isolated: Python polls it for a stop or a deadline check (interrupts.ts). */
  readonly interruptBuffer?: SharedArrayBuffer;
  /** Shared memory for the handler's synchronous AWS calls (see pool/awsChannel.ts); absent without it. */
  readonly awsChannel?: SharedArrayBuffer;
}

/** Where Python's compiler stopped in one file; lines and columns are 1-based, columns in UTF-16 units. */
export interface SyntaxProblem {
  readonly file: string;
  /** `SyntaxError`, `IndentationError`, `TabError` (errors) or `SyntaxWarning` (a warning). */
  readonly kind: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A one-shot run of a handler: used by the first screen before the simulation drives the runtime. */
export interface QuickRunRequest {
  readonly files: Readonly<Record<string, string>>;
  readonly handler: string;
  readonly eventJson: string;
}

export interface QuickRunResult {
  readonly ok: boolean;
  /** JSON text of the response, or of the error payload when ok is false. */
  readonly payloadJson: string;
  readonly stdout: readonly string[];
  readonly durationMs: number;
}

export type HostToWorker =
  | { readonly type: 'boot'; readonly v: typeof PROTOCOL_VERSION; readonly options: BootOptions }
  | { readonly type: 'quickRun'; readonly id: number; readonly request: QuickRunRequest }
  | { readonly type: 'init'; readonly id: number; readonly request: InitRequest }
  | { readonly type: 'invoke'; readonly id: number; readonly request: InvokeRequest }
  | { readonly type: 'destroy'; readonly id: number; readonly envId: string }
  /** Compiles (never runs) the given files; answered by `syntaxResult`. */
  | { readonly type: 'checkSyntax'; readonly id: number; readonly files: Readonly<Record<string, string>> }
  /** The answer to the pending `awsCall` when there is no shared memory channel (see awsChannel.ts). */
  | { readonly type: 'awsAnswer'; readonly text: string };

export type WorkerToHost =
  | {
      readonly type: 'phase';
      readonly phase: BootPhase;
      readonly state: 'start' | 'progress' | 'end';
      readonly ms: number;
      readonly loadedBytes?: number;
      readonly totalBytes?: number;
      readonly detail?: string;
    }
  | {
      readonly type: 'ready';
      readonly v: typeof PROTOCOL_VERSION;
      readonly fromSnapshot: boolean;
      readonly phaseMs: Readonly<Record<BootPhase, number>>;
    }
  | { readonly type: 'bootFailed'; readonly phase: BootPhase; readonly message: string }
  | { readonly type: 'quickRunResult'; readonly id: number; readonly result: QuickRunResult }
  | { readonly type: 'runReport'; readonly id: number; readonly report: RunReport }
  | { readonly type: 'destroyed'; readonly id: number }
  | { readonly type: 'syntaxResult'; readonly id: number; readonly problems: readonly SyntaxProblem[] }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  | { readonly type: 'fatal'; readonly message: string }
  /** A handler's boto3 call: the worker blocks until the host answers through the AWS channel. */
  | {
      readonly type: 'awsCall';
      readonly requestJson: string;
      /**
       * The worker can run another phase inside the wait (a callee of a synchronous invoke): `true` when it
       * waits on shared memory and takes the phase as an answer (awsChannel.ts), `'message'` when Python is
       * suspended through JSPI and the phase comes as an ordinary run message.
       */
      readonly nestable?: boolean | 'message';
    }
  /** The worker has read one chunk of a long answer and waits for the next. */
  | { readonly type: 'awsCallMore' };

/** The jobs the shared worker core (runtime/engine/workerCore.ts) serves: all but `boot` and `awsAnswer`. */
export type RunMessage = Exclude<HostToWorker, { readonly type: 'boot' | 'awsAnswer' }>;

/** Handlers keyed by message type: `satisfies HandlersOf<HostToWorker>` makes a missing case a type error. */
export type HandlersOf<U extends { readonly type: string }> = {
  readonly [K in U['type']]: (message: Extract<U, { type: K }>) => void;
};
