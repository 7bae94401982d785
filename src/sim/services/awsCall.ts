/**
 * The bridge contract between the Python `boto3` shim and the simulated services.
 *
 * Python calls ONE synchronous host function, `_lab_aws_call(request_json: str) -> str`. The host parses
 * the request, calls `handleAwsCall(world, request)` and returns `JSON.stringify(response)`. A response of
 * kind `pending` (only a RequestResponse Lambda invoke) means the call waits on the world: the host keeps
 * the world moving and calls `resumeAwsCall(world, token)` until it returns a response, then answers Python.
 * Blobs travel as `{"$b64": "..."}` and timestamps as `{"$ts": epochMs}` in both directions.
 */

import type { JsonObject } from './json';
import type { World } from './kernel';
import { type AwsCaller, type CallContext, isPending, type PendingResult } from './operation';
import { ServiceError } from './serviceError';
import { getServices } from './services';

export const AWS_CALL_VERSION = 1;

export interface AwsCallRequest {
  readonly v: typeof AWS_CALL_VERSION;
  /** boto3's service name: 's3', 'sqs', 'sns', 'dynamodb', 'lambda', 'iam', 'sts', ... */
  readonly service: string;
  /** The API operation name, PascalCase: 'PutObject'. */
  readonly operation: string;
  readonly params: JsonObject;
  /** The calling function (authorized against its execution role); null for the learner's console or CLI. */
  readonly caller: AwsCaller | null;
  /** The caller's virtual time in epoch ms; null means the world's current time. */
  readonly nowMs: number | null;
}

export type AwsCallErrorKind = 'client' | 'unsupported';

export type AwsCallResponse =
  | {
      readonly kind: 'result';
      readonly result: JsonObject;
      /** A call that waited on the world: the caller's virtual time when the answer came. */
      readonly atMs?: number;
    }
  | {
      readonly kind: 'error';
      readonly error: {
        readonly code: string;
        readonly message: string;
        readonly httpStatus: number;
        readonly errorKind: AwsCallErrorKind;
      };
      readonly atMs?: number;
    }
  | { readonly kind: 'pending'; readonly token: string };

/** An answer after a wait carries the time it came, so the caller's clock (and Duration) includes the wait. */
function at(response: AwsCallResponse, atMs: number | null | undefined): AwsCallResponse {
  if (atMs === null || atMs === undefined || response.kind === 'pending') return response;
  return { ...response, atMs };
}

function clientError(e: ServiceError): AwsCallResponse {
  return {
    kind: 'error',
    error: { code: e.code, message: e.message, httpStatus: e.httpStatus, errorKind: 'client' },
  };
}

/** Parse the JSON text Python sent; a malformed request is answered, never thrown. */
export function parseAwsCallRequest(text: string): AwsCallRequest | AwsCallResponse {
  try {
    const r = JSON.parse(text) as AwsCallRequest;
    if (typeof r.service === 'string' && typeof r.operation === 'string' && typeof r.params === 'object')
      return r;
  } catch {
    // fall through to the error below
  }
  return clientError(new ServiceError('SerializationException', 'The lab could not read this request.', 400));
}

export function handleAwsCall(world: World, request: AwsCallRequest): AwsCallResponse {
  const services = getServices(world);
  const mod = services.modules.get(request.service);
  const nowMs = request.nowMs ?? world.now();
  const call: CallContext = {
    nowMs,
    caller: request.caller,
    depth: services.hub.depthOf(request.caller?.requestId ?? null),
  };
  const finish = (response: AwsCallResponse): AwsCallResponse => {
    services.hub.emit('aws.call', {
      service: request.service,
      operation: request.operation,
      functionName: request.caller?.functionName ?? null,
      atMs: nowMs,
      ok: response.kind !== 'error',
      errorCode: response.kind === 'error' ? response.error.code : null,
    });
    return response;
  };
  const op = mod?.operations[request.operation];
  if (!mod || !op) {
    const supported = mod
      ? Object.keys(mod.operations).sort().join(', ')
      : [...services.modules.keys()].sort().join(', ');
    const what = mod ? `${request.service}.${request.operation}` : `the ${request.service} service`;
    const list = mod
      ? `Supported ${request.service} operations: ${supported}`
      : `Supported services: ${supported}`;
    return finish({
      kind: 'error',
      error: {
        code: 'LabUnsupportedOperation',
        message: `The lab does not simulate ${what}. ${list}.`,
        httpStatus: 501,
        errorKind: 'unsupported',
      },
    });
  }
  try {
    if (request.caller && op.action) {
      const { functionName, functionVersion } = request.caller;
      const role = services.hub.functionRole(
        functionName,
        functionVersion === '$LATEST' ? undefined : functionVersion,
      );
      services.hub.iam.authorize(
        role ?? '',
        functionName,
        op.action,
        op.resource(request.params, call),
        mod.denied,
      );
    }
    const r = op.run(request.params, call);
    if (!isPending(r)) return finish({ kind: 'result', result: r });
    const token = `pending-${services.nextToken()}`;
    services.pending.set(token, r);
    return finish({ kind: 'pending', token });
  } catch (e) {
    if (e instanceof ServiceError) return finish(clientError(e));
    throw e;
  }
}

/** The response of a pending call once the world has produced it; null while it still waits. */
export function resumeAwsCall(world: World, token: string): AwsCallResponse | null {
  const services = getServices(world);
  const p: PendingResult | undefined = services.pending.get(token);
  if (!p) return clientError(new ServiceError('LabUnknownToken', `No pending call ${token}.`, 400));
  try {
    const r = p.poll();
    if (r === null) return null;
    services.pending.delete(token);
    return at({ kind: 'result', result: r }, p.atMs?.());
  } catch (e) {
    services.pending.delete(token);
    if (e instanceof ServiceError) return at(clientError(e), p.atMs?.());
    throw e;
  }
}

/** Convenience for hosts: JSON text in, JSON text out (a pending call answers `{"kind":"pending",...}`). */
export function handleAwsCallJson(world: World, requestJson: string): string {
  const parsed = parseAwsCallRequest(requestJson);
  if ('kind' in parsed) return JSON.stringify(parsed);
  return JSON.stringify(handleAwsCall(world, parsed));
}
