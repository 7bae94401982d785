/**
 * Nodes and hops for the services' trace events (SQS and its pollers, SNS, S3, DynamoDB and Kinesis
 * streams, API Gateway). Invokes a service makes are linked to it by request id (event source mappings)
 * or, where the trace has no link, by being made at the same virtual time for the same function.
 */
import type { TraceLike } from '../trace/looseEvents';
import { type ServiceEvent, shortName } from '../trace/serviceEvents';
import type { FlowNodeKind, FlowNodeSpec, FlowToken, TokenOutcome } from './flowTypes';

export const MODELED: ReadonlySet<FlowNodeKind> = new Set(['asyncQueue', 'poller']);
export const CLIENT: FlowNodeSpec = { id: 'client', kind: 'client', label: 'Client' };

export const fnNode = (name: string): FlowNodeSpec => ({ id: `fn:${name}`, kind: 'lambda', label: name });
export const asyncNode = (name: string): FlowNodeSpec => ({
  id: `async:${name}`,
  kind: 'asyncQueue',
  label: 'Async queue',
});

export function destinationNode(arn: string, dlq: boolean): FlowNodeSpec {
  return { id: `${dlq ? 'dlq' : 'dest'}:${arn}`, kind: dlq ? 'dlq' : 'destination', label: shortName(arn) };
}

const queueNode = (name: string): FlowNodeSpec => ({ id: `sqs:${name}`, kind: 'sqs', label: name });
const pollerNode = (name: string): FlowNodeSpec => ({
  id: `poller:${name}`,
  kind: 'poller',
  label: `${name} poller`,
});
const streamNode = (name: string): FlowNodeSpec => ({
  id: `stream:${name}`,
  kind: 'stream',
  label: `${name} stream`,
});

/** Where a service event happens. */
export function serviceNode(s: ServiceEvent): FlowNodeSpec {
  switch (s.service) {
    case 'sqs':
      return queueNode(s.resource);
    case 'sns':
      return { id: `sns:${s.resource}`, kind: 'sns', label: shortName(s.resource) };
    case 's3':
      return { id: `s3:${s.resource}`, kind: 's3', label: s.resource };
    case 'dynamodb':
      return { id: `ddb:${s.resource}`, kind: 'dynamodb', label: s.resource };
    case 'kinesis':
      return streamNode(s.resource);
    case 'apigateway':
      return { id: `api:${s.resource}`, kind: 'apigateway', label: s.resource };
    default: {
      const never: never = s.service;
      throw new Error(`unknown service ${String(never)}`);
    }
  }
}

/** The node that invokes Lambda for an event source mapping batch. */
export function mappingInvoker(s: ServiceEvent): FlowNodeSpec {
  return s.service === 'sqs' ? pollerNode(s.resource) : streamNode(s.resource);
}

/** An invoke a service makes without naming the request: matched by time and function. */
export interface Trigger {
  readonly node: FlowNodeSpec;
  /** Null when any function may be meant (API Gateway integrations are not in the trace). */
  readonly functionName: string | null;
}

export function triggerOf(s: ServiceEvent): Trigger | null {
  if (s.action === 'apiRequest') return { node: serviceNode(s), functionName: null };
  if ((s.action === 'notificationSent' || s.action === 'delivered') && s.functionName) {
    return { node: serviceNode(s), functionName: s.functionName };
  }
  return null;
}

function endpointNode(target: string): FlowNodeSpec {
  if (target.startsWith('arn:aws:sqs:')) return queueNode(shortName(target));
  if (target.startsWith('arn:aws:sns:'))
    return { id: `sns:${target}`, kind: 'sns', label: shortName(target) };
  return { id: `endpoint:${target}`, kind: 'destination', label: shortName(target) };
}

export type Hop = (
  from: FlowNodeSpec,
  to: FlowNodeSpec,
  e: TraceLike,
  ref: string,
  refKind: FlowToken['refKind'],
  outcome: TokenOutcome,
) => void;

/** `source`: the node that made the call (a function calling through boto3, else the client). */
export function serviceHop(s: ServiceEvent, source: FlowNodeSpec, hop: Hop): void {
  const e = s.event;
  const at = serviceNode(s);
  const each = (f: (id: string) => void) => {
    for (const id of s.messageIds) f(id);
  };
  switch (s.action) {
    case 'sent':
    case 'published':
    case 'objectCreated':
    case 'itemWritten':
      each((id) => hop(source, at, e, id, 'message', 'pending'));
      if (s.messageIds.length === 0) hop(source, at, e, `${e.seq}`, 'message', 'pending');
      break;
    case 'streamRecord':
      if (s.service === 'dynamodb')
        hop(at, streamNode(s.resource), e, s.messageIds[0] ?? `${e.seq}`, 'message', 'pending');
      else hop(source, at, e, s.messageIds[0] ?? `${e.seq}`, 'message', 'pending');
      break;
    case 'batchReceived':
      hop(at, mappingInvoker(s), e, s.requestId ?? `${e.seq}`, 'batch', 'pending');
      break;
    case 'visible':
      each((id) => hop(pollerNode(s.resource), at, e, id, 'message', 'retry'));
      break;
    case 'deadLettered': {
      const dlq = shortName(s.target ?? `${s.resource}-dlq`);
      each((id) => hop(at, { id: `dlq:${dlq}`, kind: 'dlq', label: dlq }, e, id, 'message', 'dlq'));
      break;
    }
    case 'delivered':
    case 'notificationSent':
      // Lambda targets are drawn by the invoke itself; queues, topics and endpoints get a hop here.
      if (!s.functionName && s.target)
        hop(at, endpointNode(s.target), e, `${e.seq}`, 'message', s.ok ? 'success' : 'error');
      break;
    case 'apiRequest':
      hop(
        CLIENT,
        at,
        e,
        (e as unknown as { requestId?: string }).requestId ?? `${e.seq}`,
        'request',
        'pending',
      );
      break;
    case 'apiResponse': {
      const code = s.count ?? 0;
      const outcome: TokenOutcome =
        code >= 200 && code < 300 ? 'success' : code === 429 ? 'throttle' : 'error';
      hop(
        at,
        CLIENT,
        e,
        (e as unknown as { requestId?: string }).requestId ?? `${e.seq}`,
        'request',
        outcome,
      );
      break;
    }
    case 'esmCreated':
    case 'received':
    case 'batchResult':
    case 'deleted':
    case 'expired':
    case 'pollersScaled':
    case 'streamBatchReceived':
      break;
    default: {
      const never: never = s.action;
      throw new Error(`unhandled service action ${String(never)}`);
    }
  }
}
