/**
 * The browser's watchdog, end to end on a Node worker thread: the pool is not given the thread's CPU time
 * and the runtime no scheduler counter, as in a Web Worker. A runaway handler is then ended by the deadline
 * check (interrupts.ts CHECK_SIGNAL) at its modeled deadline, and the worker survives. No real time is
 * asserted: the machine's load only changes how many questions it takes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvSpec, RunReport } from '../../sim/runtimePort';
import { handlerCode, initRequest, invokeRequest, spec } from '../engine/testSupport';
import { createNodeRuntime, type NodeRuntime } from './nodeRuntime';

const lost: string[][] = [];
let watchdogStops = 0;
let runtime: NodeRuntime;

beforeAll(async () => {
  runtime = createNodeRuntime({
    graceMs: 2000,
    threadCpu: false,
    schedstat: false,
    onEnvironmentsLost: (envIds) => void lost.push([...envIds]),
    onWatchdogStop: () => {
      watchdogStops += 1;
    },
  });
  runtime.warm();
});
afterAll(async () => {
  await runtime.close();
});

async function started(source: string, timeoutMs = 3000): Promise<EnvSpec> {
  const env = spec({ code: handlerCode(source), timeoutMs });
  const report = await runtime.init(initRequest(env));
  expect(report.outcome.status).toBe('success');
  return env;
}

const logText = (report: RunReport) => report.logs.map((line) => line.text).join('');
const COUNTER = 'N = 0\ndef lambda_handler(event, context):\n    global N\n    N += 1\n    return N\n';

describe('the browser watchdog (no thread CPU time, load estimated)', () => {
  it('a spinning handler ends at its modeled deadline as a timeout; the worker and its other environment survive', async () => {
    const bystander = await started(COUNTER);
    expect((await runtime.invoke(invokeRequest(bystander))).outcome).toEqual({
      status: 'success',
      responseJson: '1',
    });
    const spinner = await started('def lambda_handler(e, c):\n    while True:\n        pass\n', 400);
    const report = await runtime.invoke(invokeRequest(spinner));
    expect(report.outcome).toEqual({ status: 'timeout' });
    expect(report.cpuMs).toBeGreaterThanOrEqual(380);
    // The runtime ended it when asked: the watchdog never had to stop it.
    expect(watchdogStops).toBe(0);
    expect(lost).toEqual([]);
    expect((await runtime.invoke(invokeRequest(bystander))).outcome).toEqual({
      status: 'success',
      responseJson: '2',
    });
  });

  it('a handler that swallows the timeout stops all the same, keeping its logs', async () => {
    const env = await started(
      'def lambda_handler(e, c):\n    print("spinning")\n    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            print("swallowed")\n',
      400,
    );
    const report = await runtime.invoke(invokeRequest(env));
    expect(report.outcome).toEqual({ status: 'timeout' });
    expect(logText(report)).toContain('spinning');
    expect(logText(report)).not.toContain('swallowed');
    expect(watchdogStops).toBe(0);
    expect(lost).toEqual([]);
  });
});
