/** AWS-shaped API errors and the command result type: a refused command leaves the world unchanged. */
import type { Effect } from './effects';

export type AwsErrorName =
  | 'InvalidParameterValueException'
  | 'ValidationException'
  | 'ResourceNotFoundException'
  | 'ResourceConflictException'
  | 'TooManyRequestsException'
  | 'RequestEntityTooLargeException'
  | 'InvalidRequestContentException'
  | 'ProvisionedConcurrencyConfigNotFoundException';

export type ThrottleReason =
  | 'ConcurrentInvocationLimitExceeded'
  | 'ReservedFunctionConcurrentInvocationLimitExceeded';

export interface AwsError {
  readonly name: AwsErrorName;
  readonly message: string;
  readonly httpStatus: number;
  /** Only on TooManyRequestsException. */
  readonly reason?: ThrottleReason;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: AwsError };

export function fail<T>(name: AwsErrorName, message: string, httpStatus = 400): Result<T> {
  return { ok: false, error: { name, message, httpStatus } };
}

export function invalidParameter<T>(message: string): Result<T> {
  return fail('InvalidParameterValueException', message);
}

export function notFound<T>(message: string): Result<T> {
  return fail('ResourceNotFoundException', message, 404);
}

export function conflict<T>(message: string): Result<T> {
  return fail('ResourceConflictException', message, 409);
}

export function throttled<T>(reason: ThrottleReason): Result<T> {
  return {
    ok: false,
    error: { name: 'TooManyRequestsException', message: 'Rate Exceeded.', httpStatus: 429, reason },
  };
}

/**
 * AWS's constraint-violation form: `1 validation error detected: Value 'x' at 'memorySize' failed to satisfy
 * constraint: Member must have value greater than or equal to 128` (several joined by `; `).
 */
export interface ConstraintViolation {
  readonly field: string;
  readonly value: string;
  readonly constraint: string;
}

export function validationError<T>(violations: readonly ConstraintViolation[]): Result<T> {
  const n = violations.length;
  const parts = violations.map(
    (v) => `Value '${v.value}' at '${v.field}' failed to satisfy constraint: ${v.constraint}`,
  );
  return fail(
    'ValidationException',
    `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`,
  );
}
