import { describe, expect, it } from 'vitest';
import { createTestWorld } from './testWorld';
import { eventsNamed } from './trace';

const slow = { invoke: { sleepMs: 60_000 } };

describe('throttling (429 TooManyRequestsException "Rate Exceeded.")', () => {
  it('reserved concurrency 0 throttles every invoke with the function reason', () => {
    createTestWorld()
      .createFunction({ functionName: 'off' })
      .do((w) => w.putFunctionConcurrency('off', 0))
      .expectOk()
      .invoke({ functionName: 'off' })
      .expectError('TooManyRequestsException', 'Rate Exceeded.')
      .do((w) => w.invoke({ functionName: 'off' }))
      .expectError('TooManyRequestsException');
    const t = createTestWorld().createFunction({ functionName: 'off' });
    t.world.putFunctionConcurrency('off', 0);
    const r = t.world.invoke({ functionName: 'off' });
    expect(!r.ok && r.error).toEqual({
      name: 'TooManyRequestsException',
      message: 'Rate Exceeded.',
      httpStatus: 429,
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    });
  });

  it('reserved concurrency caps a function at its reservation', () => {
    const t = createTestWorld({}, slow).createFunction({ functionName: 'f' });
    t.world.putFunctionConcurrency('f', 3);
    for (let i = 0; i < 3; i++) t.invoke({ functionName: 'f' }).expectOk();
    t.invoke({ functionName: 'f' }).expectError('TooManyRequestsException');
    expect(t.world.concurrency().functions.f?.onDemandInFlight).toBe(3);
  });

  it('the account limit throttles unreserved functions with ConcurrentInvocationLimitExceeded', () => {
    const t = createTestWorld({ accountConcurrency: 5 }, slow).createFunction({ functionName: 'f' });
    for (let i = 0; i < 5; i++) t.invoke({ functionName: 'f' }).expectOk();
    const r = t.world.invoke({ functionName: 'f' });
    expect(!r.ok && r.error.reason).toBe('ConcurrentInvocationLimitExceeded');
    expect(eventsNamed(t.world.trace.events, 'lambda.invoke.throttled').length).toBe(1);
    t.advanceBy(120_000).invoke({ functionName: 'f' }).expectOk();
  });

  it('lets a lesson lower the account limit, but not below what functions reserved', () => {
    const t = createTestWorld({}, slow).createFunction({ functionName: 'f' });
    t.do((w) => w.putFunctionConcurrency('f', 200)).expectOk();
    t.do((w) => w.setAccountConcurrency(150)).expectError(
      'InvalidParameterValueException',
      'cannot be lower than',
    );
    t.do((w) => w.setAccountConcurrency(0)).expectError('ValidationException', "at 'concurrentExecutions'");
    t.do((w) => w.deleteFunctionConcurrency('f'))
      .do((w) => w.setAccountConcurrency(2))
      .expectOk();
    t.invoke({ functionName: 'f' }).invoke({ functionName: 'f' }).invoke({ functionName: 'f' });
    t.expectError('TooManyRequestsException', 'Rate Exceeded.');
  });

  it('keeps at least 100 concurrency unreserved', () => {
    createTestWorld()
      .createFunction({ functionName: 'a' })
      .createFunction({ functionName: 'b' })
      .do((w) => w.putFunctionConcurrency('a', 850))
      .expectOk()
      .do((w) => w.putFunctionConcurrency('b', 51))
      .expectError(
        'InvalidParameterValueException',
        "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
      )
      .do((w) => w.putFunctionConcurrency('b', 50))
      .expectOk()
      .do((w) => w.putFunctionConcurrency('b', -1))
      .expectError('ValidationException', "at 'reservedConcurrentExecutions'");
  });

  it('a reserved function does not use the unreserved pool, and unreserved functions cannot use its share', () => {
    const t = createTestWorld({ accountConcurrency: 110 }, slow)
      .createFunction({ functionName: 'vip' })
      .createFunction({ functionName: 'crowd' })
      .do((w) => w.putFunctionConcurrency('vip', 10))
      .expectOk();
    for (let i = 0; i < 100; i++) t.invoke({ functionName: 'crowd' }).expectOk();
    t.invoke({ functionName: 'crowd' }).expectError('TooManyRequestsException');
    for (let i = 0; i < 10; i++) t.invoke({ functionName: 'vip' }).expectOk();
    expect(t.world.concurrency().unreservedInUse).toBe(100);
  });
});

describe('scaling rate: 1,000 new environments per 10 s per function', () => {
  it('throttles the 1,001st new environment, then refills continuously', () => {
    const t = createTestWorld({ accountConcurrency: 5000 }, slow).createFunction({
      functionName: 'burst',
      timeout: 900,
    });
    for (let i = 0; i < 1000; i++) t.invoke({ functionName: 'burst' }).expectOk();
    t.invoke({ functionName: 'burst' }).expectError('TooManyRequestsException');
    // 10 ms refills one environment's worth (1,000 per 10,000 ms).
    t.advanceBy(10).invoke({ functionName: 'burst' }).expectOk().invoke({ functionName: 'burst' });
    t.expectError('TooManyRequestsException');
    t.advanceBy(10_000);
    for (let i = 0; i < 1000; i++) t.invoke({ functionName: 'burst' }).expectOk();
    expect(t.world.envs().length).toBe(2001);
  });

  it('warm environments are reused without spending scaling tokens', () => {
    const t = createTestWorld({ accountConcurrency: 5000 }).createFunction({ functionName: 'w' });
    for (let i = 0; i < 1000; i++) t.invoke({ functionName: 'w' });
    t.advanceBy(5000);
    for (let i = 0; i < 1000; i++) t.invoke({ functionName: 'w' }).expectOk();
    expect(t.world.envs().length).toBe(1000);
  });
});

describe('provisioned concurrency limits', () => {
  it('cannot exceed the reservation', () => {
    createTestWorld()
      .createFunction({ functionName: 'f' })
      .do((w) => w.publishVersion('f'))
      .do((w) => w.putFunctionConcurrency('f', 2))
      .do((w) => w.putProvisionedConcurrencyConfig('f', '1', 3))
      .expectError(
        'InvalidParameterValueException',
        'should not be greater than the reservedConcurrentExecution',
      );
  });

  it('counts against the account and spills over to on-demand when all are busy', () => {
    const t = createTestWorld({ accountConcurrency: 103 }, slow)
      .createFunction({ functionName: 'f' })
      .do((w) => w.publishVersion('f'))
      .do((w) => w.putProvisionedConcurrencyConfig('f', '1', 4))
      .expectError('InvalidParameterValueException', "greater than account's unreserved concurrency [3]")
      .do((w) => w.putProvisionedConcurrencyConfig('f', '1', 2))
      .expectOk()
      .advanceBy(1000);
    expect(t.world.concurrency().unreservedInUse).toBe(2);
    t.invoke({ functionName: 'f', qualifier: '1' }).invoke({ functionName: 'f', qualifier: '1' });
    t.expectEnvCount(2, { initType: 'provisioned-concurrency', state: 'busy' });
    t.invoke({ functionName: 'f', qualifier: '1' }).expectOk().expectEnvCount(1, { initType: 'on-demand' });
    expect(t.world.concurrency().unreservedInUse).toBe(3);
  });
});

describe('changing provisioned concurrency', () => {
  it('lowering keeps some environments, raising adds more, deleting retires all and bills the interval', () => {
    const t = createTestWorld()
      .createFunction({ functionName: 'f' })
      .do((w) => w.publishVersion('f'))
      .do((w) => w.createAlias('f', 'live', '1'))
      .do((w) => w.putProvisionedConcurrencyConfig('f', 'live', 3))
      .advanceBy(1000)
      .expectEnvCount(3, { initType: 'provisioned-concurrency', state: 'idle' })
      .do((w) => w.putProvisionedConcurrencyConfig('f', 'live', 1))
      .expectOk()
      .expectEnvCount(1)
      .do((w) => w.putProvisionedConcurrencyConfig('f', 'live', 2))
      .advanceBy(1000)
      .expectEnvCount(2, { state: 'idle' });
    expect(eventsNamed(t.world.trace.events, 'lambda.env.created').length).toBe(4);
    expect(t.world.concurrency().functions.f?.provisioned).toBe(2);
    t.do((w) => w.deleteProvisionedConcurrencyConfig('f', 'live'))
      .expectOk()
      .expectEnvCount(0);
    expect(t.world.concurrency().functions.f?.provisioned).toBe(0);
    expect(t.world.bill().provisionedCostUsd).toBeGreaterThan(0);
    t.do((w) => w.deleteProvisionedConcurrencyConfig('f', 'live')).expectError(
      'ProvisionedConcurrencyConfigNotFoundException',
    );
  });

  it('recycles provisioned environments at their lifetime by initializing a replacement first', () => {
    const t = createTestWorld({ lifetime: { maxAgeMs: 60_000, maxAgeJitterMs: 0 } })
      .createFunction({ functionName: 'f' })
      .do((w) => w.publishVersion('f'))
      .do((w) => w.putProvisionedConcurrencyConfig('f', '1', 1))
      .advanceBy(61_000)
      .expectEnvCount(1, { initType: 'provisioned-concurrency', state: 'idle' });
    const created = eventsNamed(t.world.trace.events, 'lambda.env.created');
    expect(created.length).toBe(2);
    const gone = eventsNamed(t.world.trace.events, 'lambda.env.state').filter((e) => e.to === 'gone');
    expect(gone.map((e) => e.envId)).toEqual([created[0]!.envId]);
  });
});
