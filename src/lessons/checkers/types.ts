/** Results of running an exercise's checks, and the context every check kind receives. */

import type { CheckerDeps } from '../../host/router';
import type { BuildInput, Workspace } from '../../host/scenario/buildWorld';
import type { ReadFile } from '../../host/scenario/eventSource';
import type { Json } from '../../host/scenario/events';
import type { CheckKind } from '../checks';
import type { WorldContent } from '../course';
import type { WorkspaceFile } from '../schema';
import type { AssertionFailure } from './values';

export interface CheckResult {
  readonly checkId: string;
  /** Position in the exercise's `checks`. */
  readonly index: number;
  readonly kind: CheckKind;
  readonly title: string;
  readonly passed: boolean;
  /** What the learner reads: a known mistake's explanation when the failure matches one, else the specifics. */
  readonly feedback: string;
  readonly details: CheckDetails;
}

export interface CheckDetails {
  /** Every failed expectation, in order; `code` is stable across runs (used to recognise mistakes). */
  readonly failures: readonly AssertionFailure[];
  /** The known mistake this failure matches, if any. */
  readonly mistakeId?: string;
  /** Invoke checks: what each invoke answered (for the result panel). */
  readonly invokes?: readonly InvokeSummary[];
}

export interface InvokeSummary {
  readonly event: Json;
  readonly status: string;
  readonly response: Json | undefined;
  readonly errorType: string | null;
  readonly cold: boolean | null;
  readonly durationMs: number | null;
}

export interface CheckOutcome {
  readonly failures: AssertionFailure[];
  readonly invokes?: InvokeSummary[];
}

/** Everything a check needs besides its own spec. */
export interface CheckContext {
  readonly deps: CheckerDeps;
  readonly world: WorldContent;
  readonly mapping: readonly WorkspaceFile[];
  readonly workspace: Workspace;
  readonly readFile: ReadFile;
  readonly baseDir: string;
  readonly buildInput: BuildInput;
  readonly packageSizes: {
    readonly includedInRuntime: readonly string[];
    readonly packages: Readonly<Record<string, number>>;
  };
  /** The reference solution's invoke summaries for a check (for `matchesSolution`), computed once. */
  solutionInvokes(checkId: string): Promise<readonly InvokeSummary[]>;
}

export const fail = (code: string, message: string): AssertionFailure => ({ code, message });
