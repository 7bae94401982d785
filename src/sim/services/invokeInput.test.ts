/** The kernel's Invoke and the Lambda API a handler calls refuse a bad request with the same error. */
import { describe, expect, it } from 'vitest';
import { ASYNC_PAYLOAD_MAX_BYTES } from './kernel';
import { createLab } from './labTestSupport';

const tooLargeForEvent = JSON.stringify({ pad: 'x'.repeat(ASYNC_PAYLOAD_MAX_BYTES) });

const cases: [string, string, string, string][] = [
  ['a payload that is not JSON', 'RequestResponse', '{"a":', 'InvalidRequestContentException'],
  ['an asynchronous payload over 1 MB', 'Event', tooLargeForEvent, 'RequestEntityTooLargeException'],
  ['an unknown invocation type', 'Sometimes', '{}', 'ValidationException'],
];

describe('invoke input', () => {
  it.each(cases)('%s', (_label, type, payload, code) => {
    const lab = createLab();
    lab.fn('f', lab.role('r'));
    const kernel = lab.world.invoke({
      functionName: 'f',
      invocationType: type as 'Event',
      payloadJson: payload,
    });
    if (kernel.ok) throw new Error('the kernel accepted a bad request');
    const api = lab.error('lambda', 'Invoke', { FunctionName: 'f', InvocationType: type, Payload: payload });
    expect(kernel.error.name).toBe(code);
    expect(api).toMatchObject({ code, message: kernel.error.message, httpStatus: kernel.error.httpStatus });
  });

  it('accepts a sync payload the async limit would refuse', () => {
    const lab = createLab();
    lab.fn('f', lab.role('r'));
    expect(
      lab.ok('lambda', 'Invoke', { FunctionName: 'f', InvocationType: 'DryRun', Payload: tooLargeForEvent }),
    ).toMatchObject({ StatusCode: 204 });
  });
});
