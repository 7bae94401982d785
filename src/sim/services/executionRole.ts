/**
 * The execution-role check for CreateFunction and UpdateFunctionConfiguration. The kernel offers no
 * validation hook, so this wraps the world's two commands: a role that does not exist or does not trust
 * lambda.amazonaws.com is refused before the kernel sees the request (world unchanged).
 */
import type { Iam } from './iam';
import type { AwsError, Result, World } from './kernel';

const ROLE_PATTERN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

export const CANNOT_ASSUME = 'The role defined for the function cannot be assumed by Lambda.';

function refusal<T>(): Result<T> {
  const error: AwsError = { name: 'InvalidParameterValueException', message: CANNOT_ASSUME, httpStatus: 400 };
  return { ok: false, error };
}

/** A world whose function commands also require an assumable execution role. */
export function withExecutionRoleCheck(world: World, iam: Iam): World {
  // A malformed ARN is left to the kernel, which reports the pattern violation first, as AWS does.
  const refuses = (role: string | undefined): boolean =>
    role !== undefined && ROLE_PATTERN.test(role) && !iam.lambdaCanAssume(role);
  return {
    ...world,
    createFunction: (input) => (refuses(input.role) ? refusal() : world.createFunction(input)),
    updateFunctionConfiguration: (name, patch) =>
      refuses(patch.role) ? refusal() : world.updateFunctionConfiguration(name, patch),
  };
}
