/** Nodes and hops for service trace events (SQS, SNS, S3, DynamoDB, API Gateway): see trace/serviceEvents.ts. */
import type { TraceLike } from '../trace/looseEvents';
import { readServiceEvent, type ServiceEvent, shortName } from '../trace/serviceEvents';
import type { FlowNodeKind, FlowNodeSpec, FlowToken, TokenOutcome } from './flowTypes';

export const MODELED: ReadonlySet<FlowNodeKind> = new Set(['asyncQueue', 'poller']);
export const CLIENT: FlowNodeSpec = { id: 'client', kind: 'client', label: 'Client' };

export const fnNode = (name: string): FlowNodeSpec => ({ id: `fn:${name}`, kind: 'lambda', label: name });

export function destinationNode(arn: string, dlq: boolean): FlowNodeSpec {
  return { id: `${dlq ? 'dlq' : 'dest'}:${arn}`, kind: dlq ? 'dlq' : 'destination', label: shortName(arn) };
}

/** The node a service event happens at, and the node that makes invokes on its behalf. */
export function serviceNodes(s: ServiceEvent): { at: FlowNodeSpec; invoker: FlowNodeSpec } {
  const label = shortName(s.resource);
  const node = (kind: FlowNodeKind, prefix: string): FlowNodeSpec => ({
    id: `${prefix}:${s.resource}`,
    kind,
    label,
  });
  switch (s.action) {
    case 'sent':
    case 'received':
    case 'visible':
    case 'deleted':
    case 'deadLettered':
    case 'pollersScaled':
      return { at: node('sqs', 'sqs'), invoker: { ...node('poller', 'poller'), label: `${label} poller` } };
    case 'published':
    case 'delivered':
      return { at: node('sns', 'sns'), invoker: node('sns', 'sns') };
    case 'objectCreated':
      return { at: node('s3', 's3'), invoker: node('s3', 's3') };
    case 'itemWritten':
    case 'streamRecord':
      return {
        at: node('dynamodb', 'ddb'),
        invoker: { ...node('stream', 'stream'), label: `${label} stream` },
      };
    case 'apiRequest':
    case 'apiResponse':
      return { at: node('apigateway', 'api'), invoker: node('apigateway', 'api') };
    default: {
      const never: never = s.action;
      return never;
    }
  }
}

export type Hop = (
  from: FlowNodeSpec,
  to: FlowNodeSpec,
  e: TraceLike,
  ref: string,
  refKind: FlowToken['refKind'],
  outcome: TokenOutcome,
) => void;

export function serviceHop(e: TraceLike, hop: Hop): void {
  const s = readServiceEvent(e);
  if (!s) return;
  const { at, invoker } = serviceNodes(s);
  const source = s.functionName ? fnNode(s.functionName) : CLIENT;
  const each = (f: (id: string) => void) => {
    for (const id of s.messageIds) f(id);
  };
  switch (s.action) {
    case 'sent':
    case 'published':
    case 'objectCreated':
    case 'itemWritten':
    case 'apiRequest':
      if (s.action === 'apiRequest' || s.messageIds.length === 0)
        hop(source, at, e, s.requestId ?? `${e.seq}`, 'request', 'pending');
      else each((id) => hop(source, at, e, id, 'message', 'pending'));
      break;
    case 'received':
      hop(at, invoker, e, s.batchId ?? `${e.seq}`, 'batch', 'pending');
      break;
    case 'visible':
      each((id) => hop(at, invoker, e, id, 'message', 'retry'));
      break;
    case 'deadLettered': {
      const dlq = s.target ?? `${s.resource}-dlq`;
      each((id) => hop(at, destinationNode(dlq, true), e, id, 'message', 'dlq'));
      break;
    }
    case 'streamRecord':
      hop(at, invoker, e, s.messageIds[0] ?? `${e.seq}`, 'message', 'pending');
      break;
    case 'delivered':
      if (s.target && !s.functionName) {
        hop(
          at,
          { id: `endpoint:${s.target}`, kind: 'destination', label: shortName(s.target) },
          e,
          `${e.seq}`,
          'message',
          'success',
        );
      }
      break;
    case 'apiResponse':
    case 'deleted':
    case 'pollersScaled':
      break;
    default: {
      const never: never = s.action;
      throw new Error(`unhandled service action ${String(never)}`);
    }
  }
}
