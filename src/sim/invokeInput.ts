/**
 * Invoke request checks that need no function record. The kernel's Invoke and the Lambda API a handler
 * calls (services/lambdaApi.ts) both use these, so the two answer a bad request alike.
 */
import { type AwsError, validationError } from './awsErrors';
import { ASYNC_PAYLOAD_MAX_BYTES, SYNC_PAYLOAD_MAX_BYTES } from './limits';
import { utf8Length } from './utf8';

const INVOCATION_TYPES: readonly string[] = ['Event', 'RequestResponse', 'DryRun'];

export function invocationTypeError(type: string): AwsError | null {
  if (INVOCATION_TYPES.includes(type)) return null;
  const r = validationError([
    {
      field: 'invocationType',
      value: type,
      constraint: 'Member must satisfy enum value set: [Event, RequestResponse, DryRun]',
    },
  ]);
  return r.ok ? null : r.error;
}

/** Size first (the asynchronous limit is the smaller one), then the payload must parse as JSON. */
export function payloadError(type: string, payloadJson: string): AwsError | null {
  const max = type === 'Event' ? ASYNC_PAYLOAD_MAX_BYTES : SYNC_PAYLOAD_MAX_BYTES;
  if (utf8Length(payloadJson) > max)
    return {
      name: 'RequestEntityTooLargeException',
      message: `Request must be smaller than ${max} bytes for the InvokeFunction operation`,
      httpStatus: 413,
    };
  try {
    JSON.parse(payloadJson);
    return null;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      name: 'InvalidRequestContentException',
      message: `Could not parse request body into json: Could not parse payload into json: ${why}`,
      httpStatus: 400,
    };
  }
}
