/**
 * The fluent test driver: a world plus a scripted runtime whose effects are settled synchronously, so a
 * test reads as a story: `createTestWorld().createFunction(...).invoke(...).advanceBy(100).expectEnv(...)`.
 * Assertions throw plain Errors, so the driver works under any test runner.
 */
import type { Result } from './awsErrors';
import { createFakeRuntime, type FakeRuntime, type FakeScript } from './fakeRuntime';
import type { CreateFunctionInput } from './functionTypes';
import type { InvokeParams } from './invoke';
import { advanceSettled, runUntilIdleSettled, settleEffects } from './settle';
import { utcMs } from './timeFormat';
import { createWorld, type EnvSnapshot, type World, type WorldOptions } from './world';
import type { InvokeResponse } from './worldTypes';

export const TEST_START_MS = utcMs(2026, 3, 14, 9, 26, 53, 589);

export const DEFAULT_ROLE = 'arn:aws:iam::123456789012:role/lambda-lab-role';
export const HELLO_CODE = { 'lambda_function.py': 'def lambda_handler(event, context):\n    return event\n' };

export interface TestWorld {
  readonly world: World;
  readonly runtime: FakeRuntime;
  /** Request ids of invocations, by label (default label: 'last'). */
  readonly requests: Map<string, string>;
  readonly lastResult: Result<unknown> | null;
  createFunction(input: Partial<CreateFunctionInput> & { functionName: string }): TestWorld;
  invoke(params: InvokeParams, label?: string): TestWorld;
  do(action: (world: World) => Result<unknown>): TestWorld;
  script(script: FakeScript): TestWorld;
  advanceBy(ms: number): TestWorld;
  runUntilIdle(): TestWorld;
  expectOk(): TestWorld;
  expectError(name: string, messageIncludes?: string): TestWorld;
  expectEnvCount(n: number, filter?: Partial<EnvSnapshot>): TestWorld;
  expectEnv(index: number, expected: Partial<EnvSnapshot>): TestWorld;
  expectResponse(label: string, expected: Partial<InvokeResponse>): TestWorld;
  expectLogs(functionName: string, expected: readonly string[]): TestWorld;
  requestId(label?: string): string;
  response(label?: string): InvokeResponse;
  logMessages(functionName: string): string[];
}

function matches<T extends object>(actual: T, expected: Partial<T>): string | null {
  for (const [k, v] of Object.entries(expected)) {
    const a = (actual as Record<string, unknown>)[k];
    if (a !== v) return `${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(a)}`;
  }
  return null;
}

export function createTestWorld(options: Partial<WorldOptions> = {}, script: FakeScript = {}): TestWorld {
  const world = createWorld({ seed: 42, startTimeMs: TEST_START_MS, ...options });
  const runtime = createFakeRuntime(script);
  const requests = new Map<string, string>();
  let lastResult: Result<unknown> | null = null;
  const record = (r: Result<unknown>): void => {
    lastResult = r;
    if (r.ok) settleEffects(world, runtime, r.effects);
  };
  const t: TestWorld = {
    world,
    runtime,
    requests,
    get lastResult() {
      return lastResult;
    },
    createFunction(input) {
      record(
        world.createFunction({
          role: DEFAULT_ROLE,
          ...(input.packageType === 'Image'
            ? {}
            : { runtime: 'python3.13', handler: 'lambda_function.lambda_handler' }),
          code: { files: HELLO_CODE },
          ...input,
        }),
      );
      return t.expectOk();
    },
    invoke(params, label = 'last') {
      const r = world.invoke(params);
      record(r);
      if (r.ok) {
        requests.set(label, r.value.requestId);
        requests.set('last', r.value.requestId);
      }
      return t;
    },
    do(action) {
      record(action(world));
      return t;
    },
    script(next) {
      runtime.setScript(next);
      return t;
    },
    advanceBy(ms) {
      advanceSettled(world, runtime, world.now() + ms);
      return t;
    },
    runUntilIdle() {
      runUntilIdleSettled(world, runtime);
      return t;
    },
    expectOk() {
      if (!lastResult?.ok) throw new Error(`expected ok, got ${JSON.stringify(lastResult)}`);
      return t;
    },
    expectError(name, messageIncludes) {
      const r = lastResult;
      if (!r || r.ok) throw new Error(`expected ${name}, got ${JSON.stringify(r)}`);
      if (r.error.name !== name) throw new Error(`expected ${name}, got ${r.error.name}: ${r.error.message}`);
      if (messageIncludes !== undefined && !r.error.message.includes(messageIncludes)) {
        throw new Error(
          `expected message to include ${JSON.stringify(messageIncludes)}, got ${r.error.message}`,
        );
      }
      return t;
    },
    expectEnvCount(n, filter = {}) {
      const got = world.envs().filter((e) => matches(e, filter) === null).length;
      if (got !== n)
        throw new Error(`expected ${n} environments matching ${JSON.stringify(filter)}, got ${got}`);
      return t;
    },
    expectEnv(index, expected) {
      const env = world.envs()[index];
      if (!env) throw new Error(`no environment at index ${index} (have ${world.envs().length})`);
      const diff = matches(env, expected);
      if (diff) throw new Error(`environment ${index}: ${diff}`);
      return t;
    },
    expectResponse(label, expected) {
      const diff = matches(t.response(label), expected);
      if (diff) throw new Error(`response ${label}: ${diff}`);
      return t;
    },
    expectLogs(functionName, expected) {
      const got = t.logMessages(functionName);
      const a = JSON.stringify(got, null, 1);
      const b = JSON.stringify(expected, null, 1);
      if (a !== b) throw new Error(`log lines differ.\nexpected: ${b}\ngot: ${a}`);
      return t;
    },
    requestId(label = 'last') {
      const id = requests.get(label);
      if (!id) throw new Error(`no request labelled ${label}`);
      return id;
    },
    response(label = 'last') {
      const r = world.getResponse(t.requestId(label));
      if (!r) throw new Error(`no response yet for ${label}`);
      return r;
    },
    logMessages: (functionName) => world.logs.events(`/aws/lambda/${functionName}`).map((e) => e.message),
  };
  return t;
}
