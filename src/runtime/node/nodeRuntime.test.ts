import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvSpec } from '../../sim/runtimePort';
import { handlerCode, initRequest, invokeRequest, spec } from '../engine/testSupport';
import { createNodeRuntime, type NodeRuntime } from './nodeRuntime';

const lost: string[][] = [];
let runtime: NodeRuntime;

beforeAll(async () => {
  runtime = createNodeRuntime({ graceMs: 2000, onEnvironmentsLost: (envIds) => void lost.push([...envIds]) });
  const env = spec({ code: handlerCode('def lambda_handler(e, c):\n    return "warm-up"\n') });
  await runtime.init(initRequest(env));
  await runtime.destroy(env.envId);
});

afterAll(async () => {
  await runtime.close();
});

const COUNTER = 'N = 0\ndef lambda_handler(event, context):\n    global N\n    N += 1\n    return N\n';

async function started(overrides: Partial<EnvSpec> & { code: EnvSpec['code'] }): Promise<EnvSpec> {
  const env = spec(overrides);
  const report = await runtime.init(initRequest(env));
  expect(report.outcome.status).toBe('success');
  return env;
}

describe('Node runtime (worker thread)', () => {
  it('runs init and warm invokes, and measures its round trips', async () => {
    const t0 = performance.now();
    const env = await started({ code: handlerCode(COUNTER) });
    const initMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 1; i <= 50; i++) {
      const t = performance.now();
      const report = await runtime.invoke(invokeRequest(env));
      times.push(performance.now() - t);
      expect(report.outcome).toEqual({ status: 'success', responseJson: String(i) });
    }
    times.sort((a, b) => a - b);
    console.log(
      `worker boot ${runtime.bootTimes.map((ms) => ms.toFixed(0)).join(', ')} ms; ` +
        `environment init ${initMs.toFixed(1)} ms; warm invoke median ${times[25]?.toFixed(2)} ms, p95 ${times[47]?.toFixed(2)} ms`,
    );
    await runtime.destroy(env.envId);
  });

  it('stops a spinning handler at its deadline through the interrupt buffer; the worker survives', async () => {
    const bystander = await started({ code: handlerCode(COUNTER) });
    await runtime.invoke(invokeRequest(bystander));
    const spinner = await started({
      code: handlerCode('def lambda_handler(e, c):\n    while True:\n        pass\n'),
      timeoutMs: 400,
    });
    const report = await runtime.invoke(invokeRequest(spinner));
    expect(report.outcome).toEqual({ status: 'timeout' });
    expect(report.cpuMs).toBeGreaterThanOrEqual(380);
    expect(lost).toEqual([]);
    const after = await runtime.invoke(invokeRequest(bystander));
    expect(after.outcome).toEqual({ status: 'success', responseJson: '2' });
    await runtime.destroy(spinner.envId);
    await runtime.destroy(bystander.envId);
  });

  it('terminates a worker whose handler ignores the interrupt, and reports every environment it held', async () => {
    const bystander = await started({ code: handlerCode(COUNTER) });
    // A handler that catches the interrupt is stopped in place; one that turns
    // the signal off can only be stopped by ending its worker (cli/hostile.test.ts has the first).
    const source =
      'import signal\ndef lambda_handler(e, c):\n    signal.signal(signal.SIGINT, signal.SIG_IGN)\n    while True:\n        pass\n';
    const stubborn = await started({ code: handlerCode(source), timeoutMs: 300 });
    const report = await runtime.invoke(invokeRequest(stubborn));
    expect(report.outcome).toEqual({ status: 'timeout' });
    expect(lost).toHaveLength(1);
    expect(new Set(lost[0])).toEqual(new Set([bystander.envId, stubborn.envId]));
    expect((await runtime.invoke(invokeRequest(bystander))).outcome.status).toBe('crash');
    const fresh = await started({ code: handlerCode(COUNTER) });
    expect((await runtime.invoke(invokeRequest(fresh))).outcome).toEqual({
      status: 'success',
      responseJson: '1',
    });
    expect(runtime.bootTimes).toHaveLength(2);
    await runtime.destroy(fresh.envId);
  });

  it('serves quickRun', async () => {
    const result = await runtime.quickRun({
      files: {
        'lambda_function.py':
          'def lambda_handler(event, context):\n    print("hi", event["name"])\n    return {"hello": event["name"]}\n',
      },
      handler: 'lambda_function.lambda_handler',
      eventJson: '{"name": "Ada"}',
    });
    expect(result).toMatchObject({ ok: true, payloadJson: '{"hello": "Ada"}', stdout: ['hi Ada'] });
    const failed = await runtime.quickRun({
      files: { 'lambda_function.py': 'x = (' },
      handler: 'lambda_function.lambda_handler',
      eventJson: '{}',
    });
    expect(failed.ok).toBe(false);
    expect(JSON.parse(failed.payloadJson)).toMatchObject({
      errorType: 'Runtime.UserCodeSyntaxError',
      requestId: '',
    });
  });
});
