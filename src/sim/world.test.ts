import { describe, expect, it } from 'vitest';
import type { EnvSpec } from './runtimePort';
import { createTestWorld, TEST_START_MS } from './testWorld';
import { formatCentis, isoTimestamp } from './timeFormat';
import { eventsNamed } from './trace';

const initEnd = (t: ReturnType<typeof createTestWorld>) =>
  eventsNamed(t.world.trace.events, 'lambda.env.init.end');

describe('a cold start then a warm invoke', () => {
  it('logs INIT_START, START, app lines, END and REPORT exactly, with Init Duration only when cold', () => {
    const t = createTestWorld(
      {},
      {
        init: { cpuMs: 50 },
        invoke: { cpuMs: 2, sleepMs: 10, maxMemoryMb: 56, logs: [{ offsetMs: 1, text: 'hello\n' }] },
      },
    )
      .createFunction({ functionName: 'hello' })
      .invoke({ functionName: 'hello' }, 'cold')
      .advanceBy(1000)
      .invoke({ functionName: 'hello' }, 'warm')
      .advanceBy(1000);
    const init = initEnd(t)[0]!;
    const initCentis = Math.round(init.durationMs * 100);
    // 128 MB gets 128/1769 of a vCPU: 2 ms of CPU take 2 * 1769 / 128 = 27.64 ms, plus 10 ms of sleep.
    const cold = t.requestId('cold');
    const warm = t.requestId('warm');
    const billedCold = Math.ceil((3764 + initCentis) / 100);
    expect(t.logMessages('hello')).toEqual([
      expect.stringMatching(
        /^INIT_START Runtime Version: python:3\.13\.v14\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/,
      ),
      `START RequestId: ${cold} Version: $LATEST`,
      'hello\n',
      `END RequestId: ${cold}`,
      `REPORT RequestId: ${cold}\tDuration: 37.64 ms\tBilled Duration: ${billedCold} ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\tInit Duration: ${formatCentis(initCentis)} ms\t`,
      `START RequestId: ${warm} Version: $LATEST`,
      'hello\n',
      `END RequestId: ${warm}`,
      `REPORT RequestId: ${warm}\tDuration: 37.64 ms\tBilled Duration: 38 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\t`,
    ]);
    // maxday python3.13 x86_64 range plus 50 ms of module code.
    expect(init.durationMs).toBeGreaterThanOrEqual(84 + 50);
    expect(init.durationMs).toBeLessThanOrEqual(91 + 50);
    t.expectEnvCount(1, { state: 'idle' }).expectResponse('warm', {
      statusCode: 200,
      payloadJson: 'null',
      initDurationMs: null,
    });
    // The console's "Function Logs" for this request: its lines from START on, one per line.
    expect(t.response('warm').logTail).toBe(
      `START RequestId: ${warm} Version: $LATEST\nhello\nEND RequestId: ${warm}\nREPORT RequestId: ${warm}\tDuration: 37.64 ms\tBilled Duration: 38 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\t\n`,
    );
  });

  it("keeps only the last 4 KB of a request's log lines in the response tail", () => {
    const t = createTestWorld({}, { invoke: { logs: [{ offsetMs: 0, text: 'x'.repeat(5000) }] } })
      .createFunction({ functionName: 'chatty' })
      .invoke({ functionName: 'chatty' })
      .advanceBy(1000);
    const tail = t.response().logTail;
    expect(tail.length).toBe(4096);
    expect(tail).toMatch(/^x+\nEND RequestId: .*\nREPORT RequestId: .*\t\n$/);
  });

  it('names the log stream after the creation date, version and the 32-hex environment id', () => {
    const t = createTestWorld()
      .createFunction({ functionName: 'f' })
      .invoke({ functionName: 'f' })
      .advanceBy(100);
    const env = t.world.envs()[0]!;
    expect(env.logStreamName).toBe(`2026/03/14/[$LATEST]${env.envId}`);
    expect(env.envId).toMatch(/^[0-9a-f]{32}$/);
    expect(t.world.logs.streams('/aws/lambda/f')).toEqual([env.logStreamName]);
  });

  it('sends the runtime the reserved environment variables and the CPU model', () => {
    const seen: EnvSpec[] = [];
    const t = createTestWorld(
      {},
      {
        init: (_req, env) => {
          seen.push(env);
          return {};
        },
      },
    )
      .createFunction({
        functionName: 'f',
        memorySize: 3538,
        environment: { variables: { TABLE: 'orders', TZ: 'UTC' } },
      })
      .invoke({ functionName: 'f' })
      .advanceBy(100);
    const spec = seen[0]!;
    const env = t.world.envs()[0]!;
    expect(spec.cpuScale).toBe(1);
    expect(spec.timeoutMs).toBe(3000);
    expect(spec.environment).toMatchObject({
      TABLE: 'orders',
      TZ: 'UTC',
      _HANDLER: 'lambda_function.lambda_handler',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_python3.13',
      AWS_LAMBDA_FUNCTION_NAME: 'f',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '3538',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/f',
      AWS_LAMBDA_LOG_STREAM_NAME: env.logStreamName,
      LAMBDA_TASK_ROOT: '/var/task',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
    });
    expect(spec.environment.AWS_ACCESS_KEY_ID).toMatch(/^ASIA[0-9A-F]{16}$/);
    expect(spec.environment.AWS_SECRET_ACCESS_KEY).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('environments', () => {
  it('serve one request at a time: two overlapping invokes need two environments', () => {
    const t = createTestWorld({}, { invoke: { sleepMs: 500 } })
      .createFunction({ functionName: 'f' })
      .invoke({ functionName: 'f' }, 'a')
      .advanceBy(300)
      .expectEnvCount(1, { state: 'busy' })
      .invoke({ functionName: 'f' }, 'b')
      .expectEnvCount(1, { state: 'initializing' });
    const holders = t.world.envs().map((e) => e.currentRequestId);
    expect(holders).toEqual([t.requestId('a'), t.requestId('b')]);
    t.advanceBy(2000)
      .expectEnvCount(2, { state: 'idle' })
      .invoke({ functionName: 'f' }, 'c')
      .expectEnvCount(1, { state: 'busy' })
      .expectEnvCount(2);
  });

  it('are reaped after the modeled idle window and the next invoke is cold again', () => {
    const t = createTestWorld({ lifetime: { idleMinMs: 60_000, idleMaxMs: 60_000 } })
      .createFunction({ functionName: 'f' })
      .invoke({ functionName: 'f' })
      .advanceBy(59_000)
      .expectEnvCount(1, { state: 'idle' })
      .advanceBy(2_000)
      .expectEnvCount(0)
      .invoke({ functionName: 'f' }, 'again')
      .advanceBy(1000);
    expect(t.response('again').initDurationMs).not.toBeNull();
    expect(t.runtime.liveEnvs()).toBe(1);
  });

  it('are recycled at their maximum lifetime even when kept busy', () => {
    const t = createTestWorld({
      lifetime: { maxAgeMs: 10_000, maxAgeJitterMs: 0, idleMinMs: 600_000, idleMaxMs: 600_000 },
    }).createFunction({ functionName: 'f' });
    for (let i = 0; i < 30; i++) t.invoke({ functionName: 'f' }).advanceBy(1000);
    const created = eventsNamed(t.world.trace.events, 'lambda.env.created');
    // Environments born at 0, 10 and 20 s; the last one reaches its lifetime at 30 s.
    expect(created.map((e) => e.t - created[0]!.t)).toEqual([0, 10_000, 20_000]);
    expect(t.world.envs().length).toBe(0);
  });

  it('code and configuration updates send new requests to new environments', () => {
    const t = createTestWorld({}, { invoke: { sleepMs: 100 } })
      .createFunction({ functionName: 'f' })
      .invoke({ functionName: 'f' })
      .advanceBy(1000)
      .do((w) => w.updateFunctionConfiguration('f', { environment: { variables: { MODE: 'b' } } }))
      .expectOk()
      .expectEnvCount(0)
      .invoke({ functionName: 'f' }, 'after')
      .advanceBy(1000);
    expect(t.response('after').initDurationMs).not.toBeNull();
    expect(t.world.logs.streams('/aws/lambda/f').length).toBe(2);
  });

  it('a busy environment finishes its request before a code update retires it', () => {
    createTestWorld({}, { invoke: { sleepMs: 1000 } })
      .createFunction({ functionName: 'f' })
      .invoke({ functionName: 'f' }, 'old')
      .advanceBy(500)
      .do((w) => w.updateFunctionCode('f', { files: { 'lambda_function.py': 'x = 2' } }))
      .expectEnvCount(1, { state: 'busy' })
      .advanceBy(2000)
      .expectEnvCount(0)
      .expectResponse('old', { status: 'success' });
  });
});

describe('timeouts, crashes and suppressed init', () => {
  it('ends a timed-out invoke at its deadline, logs the timeout line and resets the runtime', () => {
    const t = createTestWorld({}, { init: { cpuMs: 20 }, invoke: [{ sleepMs: 5000 }, { sleepMs: 1 }] })
      .createFunction({ functionName: 'slow', memorySize: 1769 })
      .invoke({ functionName: 'slow' }, 'late')
      .advanceBy(10_000);
    const id = t.requestId('late');
    const r = t.response('late');
    expect(r.status).toBe('timeout');
    expect(r.durationMs).toBe(3000);
    expect(r.functionError).toBe('Unhandled');
    expect(r.payloadJson).toBe(
      `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: ${id} Error: Task timed out after 3.00 seconds"}`,
    );
    const lines = t.logMessages('slow');
    const report = lines.find((l) => l.startsWith('REPORT'))!;
    expect(report).toMatch(
      /\tDuration: 3000\.00 ms\tBilled Duration: \d+ ms\tMemory Size: 1769 MB\t.*\tStatus: timeout$/,
    );
    const end = eventsNamed(t.world.trace.events, 'lambda.invoke.end')[0]!;
    expect(lines).toContain(`${isoTimestamp(end.t)} ${id} Task timed out after 3.00 seconds`);
    t.expectEnv(0, { needsReset: true });
    t.invoke({ functionName: 'slow' }, 'next').advanceBy(5000);
    const after = t.logMessages('slow').slice(lines.length);
    expect(after[0]).toMatch(/^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: invoke\tStatus: success$/);
    expect(after[1]).toBe(`START RequestId: ${t.requestId('next')} Version: $LATEST`);
    expect(t.response('next').status).toBe('success');
    t.expectEnv(0, { needsReset: false });
  });

  it('reports OOM with Max Memory Used equal to Memory Size and Runtime.OutOfMemory', () => {
    const t = createTestWorld({}, { invoke: { outcome: { status: 'outOfMemory' }, maxMemoryMb: 9999 } })
      .createFunction({ functionName: 'big', memorySize: 256 })
      .invoke({ functionName: 'big' })
      .advanceBy(1000);
    const report = t.logMessages('big').find((l) => l.startsWith('REPORT'))!;
    expect(report).toMatch(
      /\tMemory Size: 256 MB\tMax Memory Used: 256 MB\t.*Status: error\tError Type: Runtime\.OutOfMemory$/,
    );
    expect(JSON.parse(t.response().payloadJson).errorType).toBe('Runtime.OutOfMemory');
  });

  it('an init error is reported, then retried inside the first invoke (suppressed init)', () => {
    const error = {
      errorMessage: "Unable to import module 'search': No module named 'search'",
      errorType: 'Runtime.ImportModuleError',
      requestId: '',
      stackTrace: [],
    };
    const t = createTestWorld({}, { init: { outcome: { status: 'error', error }, cpuMs: 30 } })
      .createFunction({ functionName: 'broken', memorySize: 512 })
      .invoke({ functionName: 'broken' })
      .advanceBy(2000);
    const lines = t.logMessages('broken');
    const id = t.requestId();
    expect(lines[0]).toMatch(/^INIT_START /);
    expect(lines[1]).toMatch(
      /^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: error\tError Type: Runtime\.ImportModuleError$/,
    );
    expect(lines[2]).toMatch(
      /^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: invoke\tStatus: error\tError Type: Runtime\.ImportModuleError$/,
    );
    expect(lines[3]).toBe(`START RequestId: ${id} Version: $LATEST`);
    expect(lines[4]).toBe(`END RequestId: ${id}`);
    expect(lines[5]).toMatch(
      new RegExp(
        `^REPORT RequestId: ${id}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 512 MB\\tMax Memory Used: 40 MB\\tStatus: error\\tError Type: Runtime\\.ImportModuleError$`,
      ),
    );
    expect(t.response().payloadJson).toContain('"errorType": "Runtime.ImportModuleError"');
  });

  it('caps Init at 10 s and retries it with the function timeout', () => {
    const t = createTestWorld({}, { init: [{ cpuMs: 12_000 }, { cpuMs: 100 }] })
      .createFunction({ functionName: 'heavy', timeout: 30 })
      .invoke({ functionName: 'heavy' })
      .advanceBy(60_000);
    const lines = t.logMessages('heavy');
    expect(lines[1]).toBe('INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout');
    expect(lines[2]).toMatch(/^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: invoke\tStatus: success$/);
    expect(t.response().status).toBe('success');
  });
});

describe('versions, aliases and provisioned concurrency', () => {
  it('a published version logs its number and runs its frozen configuration', () => {
    const t = createTestWorld()
      .createFunction({ functionName: 'f', memorySize: 256 })
      .do((w) => w.publishVersion('f'))
      .do((w) => w.updateFunctionConfiguration('f', { memorySize: 512 }))
      .do((w) => w.createAlias('f', 'prod', '1'))
      .expectOk()
      .invoke({ functionName: 'f', qualifier: 'prod' })
      .advanceBy(1000);
    const lines = t.logMessages('f');
    expect(lines[1]).toBe(`START RequestId: ${t.requestId()} Version: 1`);
    expect(lines.find((l) => l.startsWith('REPORT'))).toContain('\tMemory Size: 256 MB\t');
    expect(t.world.envs()[0]!.logStreamName).toMatch(/^2026\/03\/14\/\[1\][0-9a-f]{32}$/);
  });

  it('publishing without changes returns the existing version', () => {
    const t = createTestWorld().createFunction({ functionName: 'f' });
    const a = t.world.publishVersion('f');
    const b = t.world.publishVersion('f');
    expect(a.ok && b.ok && a.value.version === '1' && b.value.version === '1').toBe(true);
  });

  it('initializes provisioned environments ahead of traffic; their invokes have no Init Duration', () => {
    const t = createTestWorld()
      .createFunction({ functionName: 'f' })
      .do((w) => w.publishVersion('f'))
      .do((w) => w.putProvisionedConcurrencyConfig('f', '1', 2))
      .expectOk()
      .advanceBy(5000)
      .expectEnvCount(2, { initType: 'provisioned-concurrency', state: 'idle' });
    expect(t.world.getProvisionedConcurrencyConfig('f', '1')?.status).toBe('READY');
    expect(t.logMessages('f').filter((l) => l.startsWith('INIT_REPORT')).length).toBe(2);
    t.invoke({ functionName: 'f', qualifier: '1' }).advanceBy(1000);
    expect(t.response().initDurationMs).toBeNull();
    expect(t.logMessages('f').at(-1)).not.toContain('Init Duration');
    t.expectEnvCount(2);
  });

  it('refuses provisioned concurrency on $LATEST', () => {
    createTestWorld()
      .createFunction({ functionName: 'f' })
      .do((w) => w.putProvisionedConcurrencyConfig('f', '$LATEST', 1))
      .expectError('InvalidParameterValueException', 'unpublished function versions');
  });
});

describe('JSON log format', () => {
  it('writes platform records in the Telemetry API shape', () => {
    const t = createTestWorld()
      .createFunction({ functionName: 'j', loggingConfig: { logFormat: 'JSON' } })
      .invoke({ functionName: 'j' })
      .advanceBy(1000);
    const types = t.logMessages('j').map((l) => JSON.parse(l).type);
    expect(types).toEqual([
      'platform.initStart',
      'platform.start',
      'platform.runtimeDone',
      'platform.report',
    ]);
    const report = JSON.parse(t.logMessages('j')[3]!);
    expect(report.record.requestId).toBe(t.requestId());
    expect(Object.keys(report.record.metrics)).toEqual([
      'billedDurationMs',
      'durationMs',
      'initDurationMs',
      'maxMemoryUsedMB',
      'memorySizeMB',
    ]);
  });
});

describe('invocation types', () => {
  it('DryRun returns 204 and changes nothing', () => {
    const t = createTestWorld().createFunction({ functionName: 'f' });
    const before = t.world.trace.events.length;
    t.invoke({ functionName: 'f', invocationType: 'DryRun' }).expectOk();
    expect(t.lastResult?.ok && (t.lastResult.value as { statusCode: number }).statusCode).toBe(204);
    expect(t.world.trace.events.length).toBe(before);
    t.expectEnvCount(0);
  });

  it('refuses payloads above 6 MB sync and 1 MB async', () => {
    const big = `"${'x'.repeat(1_048_576)}"`;
    createTestWorld()
      .createFunction({ functionName: 'f' })
      .invoke({ functionName: 'f', invocationType: 'Event', payloadJson: big })
      .expectError(
        'RequestEntityTooLargeException',
        'Request must be smaller than 1048576 bytes for the InvokeFunction operation',
      )
      .invoke({ functionName: 'f', payloadJson: big })
      .expectOk()
      .invoke({ functionName: 'f', payloadJson: `"${'x'.repeat(6_291_456)}"` })
      .expectError(
        'RequestEntityTooLargeException',
        'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
      );
  });

  it('refuses a payload that is not JSON', () => {
    createTestWorld()
      .createFunction({ functionName: 'f' })
      .invoke({ functionName: 'f', payloadJson: '{nope' })
      .expectError('InvalidRequestContentException', 'Could not parse request body into json');
  });

  it('refuses an unknown function with its ARN', () => {
    createTestWorld()
      .invoke({ functionName: 'ghost' })
      .expectError(
        'ResourceNotFoundException',
        'Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost',
      );
  });
});

describe('virtual time', () => {
  it('never moves backwards and waits for outstanding runtime work', () => {
    const t = createTestWorld().createFunction({ functionName: 'f' });
    const r = t.world.invoke({ functionName: 'f' });
    expect(r.ok && r.effects.map((e) => e.kind)).toEqual(['runInit']);
    const blocked = t.world.advanceBy(1000);
    expect(blocked.blocked).toBe(true);
    expect(t.world.now()).toBe(TEST_START_MS);
    t.world.advanceTo(TEST_START_MS - 5000);
    expect(t.world.now()).toBe(TEST_START_MS);
  });
});

describe('service registration', () => {
  it('gives a service the clock, the queue, the RNG, the trace and Invoke', () => {
    const t = createTestWorld().createFunction({ functionName: 'consumer' });
    const seen: number[] = [];
    t.world.registerService({
      name: 'ticker',
      attach(ctx) {
        const tick = () => {
          seen.push(ctx.now());
          ctx.emit('lambda.layer.published', { layerVersionArn: `tick-${seen.length}` });
          const r = ctx.invoke({
            functionName: 'consumer',
            invocationType: 'Event',
            payloadJson: '{"tick":true}',
          });
          expect(r.ok).toBe(true);
          if (seen.length < 3) ctx.schedule(ctx.now() + 1000, 'tick', tick);
        };
        ctx.schedule(ctx.now() + 500, 'tick', tick);
      },
    });
    t.runUntilIdle();
    expect(seen.map((s) => s - TEST_START_MS)).toEqual([500, 1500, 2500]);
    expect(eventsNamed(t.world.trace.events, 'lambda.async.completed').map((e) => e.outcome)).toEqual([
      'success',
      'success',
      'success',
    ]);
  });
});
