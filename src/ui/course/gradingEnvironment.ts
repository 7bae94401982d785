/**
 * Whether this page can run an exercise's checks at all. A check whose handler calls AWS needs the
 * handler to wait for the simulated services (shared memory or JSPI); where neither exists, grading
 * would fail correct code and blame the learner, so the lab refuses to grade and says what to do.
 */
import type { ExerciseContent } from '../../lessons/course';
import { jspiAvailable } from '../../runtime/awsChannel';

export interface PageAbilities {
  readonly crossOriginIsolated: boolean;
  readonly jspi: boolean;
}

export function pageAbilities(): PageAbilities {
  return { crossOriginIsolated: globalThis.crossOriginIsolated === true, jspi: jspiAvailable() };
}

/** The exercise's reference solution calls AWS through boto3, so its checks do too. */
export function checksCallAws(exercise: Pick<ExerciseContent, 'solution'>): boolean {
  return Object.values(exercise.solution).some((text) => /^\s*(import boto3|from boto3\b)/m.test(text));
}

/** Null when the checks can run here; otherwise why not and what to do instead. */
export function cannotGradeReason(
  exercise: Pick<ExerciseContent, 'solution'>,
  abilities: PageAbilities,
): string | null {
  if (!checksCallAws(exercise) || abilities.crossOriginIsolated || abilities.jspi) return null;
  return (
    'Nothing was graded: this exercise calls AWS through boto3, and this browser cannot pause Python ' +
    'for those calls on this page (it is not cross-origin isolated and has no WebAssembly JSPI). ' +
    'Open the same link in a current Chrome or Edge, or run the lab on your own computer with npm start.'
  );
}
