/** A world with the AWS services and a scripted runtime, for the services' tests. */
import { type AwsCallResponse, handleAwsCall } from './awsCall';
import type { JsonObject } from './json';
import {
  advanceSettled,
  createFakeRuntime,
  createWorld,
  type FakeRuntime,
  type FakeScript,
  runUntilIdleSettled,
  settleEffects,
  utcMs,
  type World,
} from './kernel';
import type { AwsCaller } from './operation';
import { type AwsServices, createAwsServices } from './services';

export const LAB_START_MS = utcMs(2026, 3, 14, 9, 26, 53, 589);
export const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
export const HELLO = { 'lambda_function.py': 'def lambda_handler(event, context):\n    return event\n' };

export interface Lab {
  readonly world: World;
  readonly runtime: FakeRuntime;
  readonly services: AwsServices;
  call(
    service: string,
    operation: string,
    params: JsonObject,
    caller?: string | AwsCaller,
    nowMs?: number,
  ): AwsCallResponse;
  ok(service: string, operation: string, params: JsonObject, caller?: string): JsonObject;
  error(
    service: string,
    operation: string,
    params: JsonObject,
    caller?: string,
  ): { code: string; message: string };
  role(name: string, managed?: readonly string[], inline?: JsonObject): string;
  fn(name: string, roleArn: string, timeout?: number): void;
  run(): void;
  advance(ms: number): void;
}

export function createLab(script: FakeScript = {}, seed = 7): Lab {
  const world = createWorld({ seed, startTimeMs: LAB_START_MS });
  const runtime = createFakeRuntime(script);
  const services = createAwsServices(world);
  const call: Lab['call'] = (service, operation, params, caller, nowMs) =>
    handleAwsCall(world, {
      v: 1,
      service,
      operation,
      params,
      caller:
        typeof caller === 'string'
          ? { functionName: caller, functionVersion: '$LATEST', requestId: null }
          : (caller ?? null),
      nowMs: nowMs ?? null,
    });
  const lab: Lab = {
    world,
    runtime,
    services,
    call,
    ok(service, operation, params, caller) {
      const r = call(service, operation, params, caller);
      if (r.kind !== 'result') throw new Error(`${service}.${operation} failed: ${JSON.stringify(r)}`);
      return r.result;
    },
    error(service, operation, params, caller) {
      const r = call(service, operation, params, caller);
      if (r.kind !== 'error') throw new Error(`${service}.${operation} should fail: ${JSON.stringify(r)}`);
      return r.error;
    },
    role(name, managed = [], inline) {
      const r = lab.ok('iam', 'CreateRole', { RoleName: name, AssumeRolePolicyDocument: LAMBDA_TRUST });
      for (const m of managed)
        lab.ok('iam', 'AttachRolePolicy', {
          RoleName: name,
          PolicyArn: `arn:aws:iam::aws:policy/service-role/${m}`,
        });
      if (inline)
        lab.ok('iam', 'PutRolePolicy', {
          RoleName: name,
          PolicyName: 'inline',
          PolicyDocument: JSON.stringify(inline),
        });
      return String((r.Role as JsonObject).Arn);
    },
    fn(name, roleArn, timeout = 3) {
      const r = world.createFunction({
        functionName: name,
        role: roleArn,
        runtime: 'python3.12',
        handler: 'lambda_function.lambda_handler',
        timeout,
        code: { files: HELLO },
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      settleEffects(world, runtime, r.effects);
    },
    run: () => runUntilIdleSettled(world, runtime),
    advance: (ms) => advanceSettled(world, runtime, world.now() + ms),
  };
  return lab;
}

/** A script entry that records each event and answers with `respond(event)` (default: success, null). */
export function recordingScript(
  respond: (
    functionName: string,
    event: JsonObject,
  ) => { status: 'success'; json: string } | { status: 'error'; message: string } = () => ({
    status: 'success',
    json: 'null',
  }),
): { script: FakeScript; log: { functionName: string; event: JsonObject }[] } {
  const log: { functionName: string; event: JsonObject }[] = [];
  return {
    log,
    script: {
      invoke: (request, env) => {
        const event = JSON.parse(request.eventJson) as JsonObject;
        log.push({ functionName: env.functionName, event });
        const r = respond(env.functionName, event);
        return r.status === 'success'
          ? { outcome: { status: 'success', responseJson: r.json } }
          : {
              outcome: {
                status: 'error',
                error: {
                  errorMessage: r.message,
                  errorType: 'Exception',
                  requestId: request.requestId,
                  stackTrace: [],
                },
              },
            };
      },
    },
  };
}
