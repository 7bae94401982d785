import { describe, expect, it } from 'vitest';
import { createTestWorld } from './testWorld';
import { eventsNamed } from './trace';
import type { DestinationDelivery } from './worldTypes';

const boom = {
  outcome: {
    status: 'error',
    error: { errorMessage: 'boom', errorType: 'ValueError', requestId: '', stackTrace: [] },
  },
} as const;
const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:failures';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:done';
const DLQ = 'arn:aws:sqs:us-east-1:123456789012:dlq';

function capture() {
  const got: DestinationDelivery[] = [];
  return {
    got,
    sink: {
      accepts: (arn: string) => arn.startsWith('arn:aws:sqs:') || arn.startsWith('arn:aws:sns:'),
      deliver: (d: DestinationDelivery) => got.push(d),
    },
  };
}

describe('async invocation', () => {
  it('accepts with 202 and runs the event off the queue', () => {
    const t = createTestWorld().createFunction({ functionName: 'f' });
    t.invoke({ functionName: 'f', invocationType: 'Event', payloadJson: '{"a":1}' }).expectOk();
    expect(t.lastResult?.ok && t.lastResult.value).toMatchObject({ statusCode: 202 });
    t.advanceBy(1000);
    const completed = eventsNamed(t.world.trace.events, 'lambda.async.completed');
    expect(completed.map((e) => [e.outcome, e.approximateInvokeCount])).toEqual([['success', 1]]);
  });

  it('retries a function error twice, about 1 and 2 minutes apart, then sends the record to on-failure and the DLQ', () => {
    const { got, sink } = capture();
    const t = createTestWorld({}, { invoke: boom }).createFunction({
      functionName: 'f',
      deadLetterConfig: { targetArn: DLQ },
    });
    t.world.addDestinationSink(sink);
    t.do((w) =>
      w.putFunctionEventInvokeConfig('f', undefined, {
        destinationConfig: { onFailure: { destination: QUEUE } },
      }),
    )
      .expectOk()
      .invoke({ functionName: 'f', invocationType: 'Event', payloadJson: '{"order":7}' })
      .advanceBy(10 * 60_000);
    const starts = eventsNamed(t.world.trace.events, 'lambda.invoke.start');
    // Gaps between attempt starts: the retry delay plus the failed attempt's own (short) duration.
    const gaps = starts.slice(1).map((s, i) => s.t - starts[i]!.t);
    expect(starts.map((s) => s.attempt)).toEqual([1, 2, 3]);
    expect(gaps[0]).toBeGreaterThanOrEqual(60_000);
    expect(gaps[0]).toBeLessThan(61_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(120_000);
    expect(gaps[1]).toBeLessThan(121_000);
    expect(got.map((d) => [d.target, d.destinationArn])).toEqual([
      ['onFailure', QUEUE],
      ['deadLetterQueue', DLQ],
    ]);
    const record = JSON.parse(got[0]!.bodyJson);
    expect(Object.keys(record)).toEqual([
      'version',
      'timestamp',
      'requestContext',
      'requestPayload',
      'responseContext',
      'responsePayload',
    ]);
    expect(record.requestContext).toEqual({
      requestId: t.requestId(),
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST',
      condition: 'RetriesExhausted',
      approximateInvokeCount: 3,
    });
    expect(record.requestPayload).toEqual({ order: 7 });
    expect(record.responseContext).toEqual({
      statusCode: 200,
      executedVersion: '$LATEST',
      functionError: 'Unhandled',
    });
    expect(record.responsePayload.errorType).toBe('ValueError');
    expect(got[1]!.bodyJson).toBe('{"order":7}');
    expect(got[1]!.attributes).toMatchObject({ RequestID: t.requestId(), ErrorCode: '200' });
    const done = eventsNamed(t.world.trace.events, 'lambda.async.completed');
    expect(done.map((e) => e.outcome)).toEqual(['retriesExhausted']);
  });

  it('honours MaximumRetryAttempts 0 and sends successes to on-success', () => {
    const { got, sink } = capture();
    const t = createTestWorld({}, { invoke: [boom, {}] })
      .createFunction({ functionName: 'f' })
      .do((w) =>
        w.putFunctionEventInvokeConfig('f', undefined, {
          maximumRetryAttempts: 0,
          destinationConfig: { onSuccess: { destination: TOPIC }, onFailure: { destination: QUEUE } },
        }),
      );
    t.world.addDestinationSink(sink);
    t.invoke({ functionName: 'f', invocationType: 'Event' }, 'fails')
      .invoke({ functionName: 'f', invocationType: 'Event' }, 'works')
      .advanceBy(10 * 60_000);
    expect(eventsNamed(t.world.trace.events, 'lambda.invoke.start').length).toBe(2);
    expect(got.map((d) => [d.target, JSON.parse(d.bodyJson).requestContext.condition])).toEqual([
      ['onFailure', 'RetriesExhausted'],
      ['onSuccess', 'Success'],
    ]);
    expect(JSON.parse(got[1]!.bodyJson).responseContext).toEqual({
      statusCode: 200,
      executedVersion: '$LATEST',
    });
  });

  it('retries throttles with backoff from 1 s doubling, then expires at MaximumEventAgeInSeconds', () => {
    const { got, sink } = capture();
    const t = createTestWorld({}, { invoke: { sleepMs: 800_000 } })
      .createFunction({ functionName: 'f', timeout: 900 })
      .do((w) => w.putFunctionConcurrency('f', 1))
      .do((w) =>
        w.putFunctionEventInvokeConfig('f', undefined, {
          maximumEventAgeInSeconds: 60,
          destinationConfig: { onFailure: { destination: QUEUE } },
        }),
      )
      .invoke({ functionName: 'f' }, 'hog');
    t.world.addDestinationSink(sink);
    t.invoke({ functionName: 'f', invocationType: 'Event' }, 'queued').advanceBy(120_000);
    const retries = eventsNamed(t.world.trace.events, 'lambda.async.retry.scheduled');
    expect(retries.every((r) => r.cause === 'throttle')).toBe(true);
    const delays = retries.map((r) => r.atMs - r.t);
    expect(delays.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 16_000, 29_000]);
    const done = eventsNamed(t.world.trace.events, 'lambda.async.completed');
    expect(done.map((e) => e.outcome)).toEqual(['eventAgeExceeded']);
    expect(done[0]!.t - t.world.trace.events.find((e) => e.name === 'lambda.invoke.accepted')!.t).toBe(
      60_000,
    );
    expect(JSON.parse(got[0]!.bodyJson).requestContext.condition).toBe('EventAgeExceeded');
  });

  it('caps throttle backoff at 5 minutes', () => {
    const t = createTestWorld({}, { invoke: { sleepMs: 900_000 } })
      .createFunction({ functionName: 'f', timeout: 900 })
      .do((w) => w.putFunctionConcurrency('f', 1))
      .invoke({ functionName: 'f' });
    t.invoke({ functionName: 'f', invocationType: 'Event' }).advanceBy(850_000);
    const delays = eventsNamed(t.world.trace.events, 'lambda.async.retry.scheduled').map((r) => r.atMs - r.t);
    expect(Math.max(...delays)).toBe(300_000);
  });

  it('sends events for a function with reserved concurrency 0 straight to failure, without retries', () => {
    const { got, sink } = capture();
    const t = createTestWorld()
      .createFunction({ functionName: 'f', deadLetterConfig: { targetArn: DLQ } })
      .do((w) => w.putFunctionConcurrency('f', 0));
    t.world.addDestinationSink(sink);
    t.invoke({ functionName: 'f', invocationType: 'Event' }).advanceBy(1000);
    expect(eventsNamed(t.world.trace.events, 'lambda.async.retry.scheduled')).toEqual([]);
    expect(got.map((d) => [d.target, d.attributes.ErrorCode])).toEqual([['deadLetterQueue', '429']]);
  });

  it('delivers to a Lambda destination by invoking it asynchronously with the record', () => {
    const t = createTestWorld({}, { functions: { f: { invoke: boom } } })
      .createFunction({ functionName: 'f' })
      .createFunction({ functionName: 'auditor' })
      .do((w) =>
        w.putFunctionEventInvokeConfig('f', undefined, {
          maximumRetryAttempts: 0,
          destinationConfig: {
            onFailure: { destination: 'arn:aws:lambda:us-east-1:123456789012:function:auditor' },
          },
        }),
      )
      .invoke({ functionName: 'f', invocationType: 'Event' })
      .advanceBy(5000);
    const starts = eventsNamed(t.world.trace.events, 'lambda.invoke.start').map((s) => s.functionName);
    expect(starts).toEqual(['f', 'auditor']);
  });

  it('validates the event invoke config', () => {
    createTestWorld()
      .createFunction({ functionName: 'f' })
      .do((w) => w.putFunctionEventInvokeConfig('f', undefined, { maximumRetryAttempts: 3 }))
      .expectError(
        'ValidationException',
        "Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2",
      )
      .do((w) => w.putFunctionEventInvokeConfig('f', undefined, { maximumEventAgeInSeconds: 30 }))
      .expectError('ValidationException', "at 'maximumEventAgeInSeconds'")
      .do((w) =>
        w.putFunctionEventInvokeConfig('f', undefined, {
          destinationConfig: { onSuccess: { destination: 'arn:aws:s3:::bucket' } },
        }),
      )
      .expectError(
        'InvalidParameterValueException',
        'S3 buckets are supported only for on-failure destinations',
      )
      .do((w) =>
        w.putFunctionEventInvokeConfig('f', undefined, {
          destinationConfig: { onFailure: { destination: 'queue' } },
        }),
      )
      .expectError(
        'InvalidParameterValueException',
        'DestinationConfig.OnFailure.Destination: queue is not a valid',
      );
  });
});
