/**
 * A lab world: the simulated Lambda service with the AWS services around it and an execution role ready
 * to use, plus the host function that answers a handler's boto3 calls. Shared by the browser and the CLI.
 */
import { createWorld, type World } from '../sim';
import {
  type AwsCallRequest,
  type AwsCallResponse,
  handleAwsCall,
  parseAwsCallRequest,
  resumeAwsCall,
} from '../sim/services/awsCall';
import { withExecutionRoleCheck } from '../sim/services/executionRole';
import type { JsonObject } from '../sim/services/json';
import { type AwsServices, createAwsServices } from '../sim/services/services';

export const LAB_ROLE_NAME = 'lambda-lab-execution-role';
export const LAB_ROLE_ARN = `arn:aws:iam::123456789012:role/${LAB_ROLE_NAME}`;

const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export type RoleAccess =
  /** Only AWSLambdaBasicExecutionRole (logs): what a new function gets in the console. */
  | 'basic'
  /** Everything allowed, as `sam local invoke` runs with the developer's own credentials. */
  | 'admin';

export interface LabWorld {
  readonly world: World;
  readonly services: AwsServices;
  /**
   * Answers one boto3 call from a handler (JSON in, JSON out), as the worker's AWS channel needs; a
   * synchronous invoke of another function answers once the world (moved by the runner) has the response.
   */
  awsCall(requestJson: string): string | Promise<string>;
  /** `awsCall` for a request already parsed (the router reads the caller before it picks the world). */
  answer(request: AwsCallRequest): string | Promise<string>;
  /**
   * A call made from the console or the CLI (not from a function, so no execution role applies), for
   * setting up resources. Use this rather than handleAwsCall(lab.world, ...): `world` is wrapped.
   */
  consoleCall(service: string, operation: string, params: JsonObject): AwsCallResponse;
}

export function createLabWorld(options: { seed: number; startTimeMs: number; access: RoleAccess }): LabWorld {
  const kernel = createWorld({ seed: options.seed, startTimeMs: options.startTimeMs });
  const services = createAwsServices(kernel);
  // Function commands refuse an execution role that does not exist or does not trust Lambda.
  const world = withExecutionRoleCheck(kernel, services.iam);
  const consoleCall = (service: string, operation: string, params: JsonObject): AwsCallResponse =>
    handleAwsCall(kernel, { v: 1, service, operation, params, caller: null, nowMs: null });
  const call = (service: string, operation: string, params: JsonObject) => {
    const r = consoleCall(service, operation, params);
    if (r.kind !== 'result')
      throw new Error(`Setting up the lab failed at ${operation}: ${JSON.stringify(r)}`);
  };
  call('iam', 'CreateRole', { RoleName: LAB_ROLE_NAME, AssumeRolePolicyDocument: LAMBDA_TRUST });
  call('iam', 'AttachRolePolicy', {
    RoleName: LAB_ROLE_NAME,
    PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  });
  if (options.access === 'admin') {
    call('iam', 'PutRolePolicy', {
      RoleName: LAB_ROLE_NAME,
      PolicyName: 'lab-admin',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      }),
    });
  }
  const answer = (parsed: AwsCallRequest): string | Promise<string> => {
    const response = handleAwsCall(kernel, parsed);
    if (response.kind !== 'pending') return JSON.stringify(response);
    const resumed = resumeAwsCall(kernel, response.token);
    if (resumed) return JSON.stringify(resumed);
    // A handler's synchronous invoke: its caller is parked, and the runner moves time until it resumes.
    if (services.pending.get(response.token)?.atMs) return waitForAnswer(kernel, response.token);
    return JSON.stringify({
      kind: 'error',
      error: {
        code: 'LabUnsupported',
        message:
          'A synchronous Lambda invoke from outside a running handler (from Init code, say) cannot finish inside this lab. Invoke from the handler, or with InvocationType="Event".',
        httpStatus: 400,
        errorKind: 'client',
      },
    });
  };
  return {
    world,
    services,
    consoleCall,
    awsCall(requestJson) {
      const parsed = parseAwsCallRequest(requestJson);
      return 'kind' in parsed ? JSON.stringify(parsed) : answer(parsed);
    },
    answer,
  };
}

function waitForAnswer(world: World, token: string): Promise<string> {
  return new Promise((resolve) => {
    const off = world.trace.subscribe((e) => {
      if (e.name !== 'lambda.invoke.resumed') return;
      // The answer is stored just after the caller is released: look one microtask later.
      queueMicrotask(() => {
        const r = resumeAwsCall(world, token);
        if (!r) return;
        off();
        resolve(JSON.stringify(r));
      });
    });
  });
}
