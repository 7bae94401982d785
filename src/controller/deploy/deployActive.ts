/**
 * Deploy, as the console's Deploy button (and Ctrl/Cmd+S) does it: publishes the active function's draft to
 * the learner's world now, so the next invoke starts a new execution environment (a cold start). Uses the
 * same deploy commands Test runs before invoking.
 */
import { useLabStore } from '../../store/labStore';
import { ensureLab } from '../lab/labController';
import { deployOnRunner } from './deploy';

export type DeployOutcome =
  /** `changes` in the learner's words, as deploy notes them ("updated the code"). */
  | { readonly kind: 'deployed'; readonly functionName: string; readonly changes: readonly string[] }
  | { readonly kind: 'unchanged'; readonly functionName: string }
  /** The world refused a step (an invalid setting): the deploy undid itself. */
  | {
      readonly kind: 'refused';
      readonly functionName: string;
      readonly field: string;
      readonly message: string;
    }
  /** The lab cannot deploy right now (Python starting, a test running). */
  | { readonly kind: 'blocked'; readonly message: string };

export async function deployActive(): Promise<DeployOutcome> {
  const state = useLabStore.getState();
  if (state.python.state !== 'ready')
    return { kind: 'blocked', message: 'Python is still starting: deploy again once it is ready.' };
  if (state.running) return { kind: 'blocked', message: 'A test is running: deploy again when it ends.' };
  const live = ensureLab();
  if (!live) return { kind: 'blocked', message: 'The lab is still starting: deploy again in a moment.' };
  const functionName = state.workspace.activeFunction;
  const done = await deployOnRunner(live.lab, live.runner, functionName, state.workspace);
  // Shown where the learner typed the refused value, as a refused Test shows it.
  useLabStore
    .getState()
    .setDeployError(done.ok ? null : { functionName, field: done.field, message: done.message });
  if (!done.ok) return { kind: 'refused', functionName, field: done.field, message: done.message };
  if (done.changes.length === 0) return { kind: 'unchanged', functionName };
  return { kind: 'deployed', functionName, changes: done.changes };
}

/** Changes after which the next invoke needs a new execution environment. */
const COLD = /created the function|updated the code|updated the configuration|published layer/;

/** The sentence the editor shows for an outcome. */
export function describeDeploy(outcome: DeployOutcome): string {
  switch (outcome.kind) {
    case 'deployed': {
      const what = `Deployed ${outcome.functionName} (${outcome.changes.join(', ')})`;
      return outcome.changes.some((c) => COLD.test(c))
        ? `${what}: the next invoke is a cold start, in a new execution environment.`
        : `${what}.`;
    }
    case 'unchanged':
      return `No changes: ${outcome.functionName} already runs this code and configuration.`;
    case 'refused':
      return `Deploy refused (${outcome.field}): ${outcome.message}`;
    case 'blocked':
      return outcome.message;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}
