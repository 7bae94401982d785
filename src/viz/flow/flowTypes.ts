/** The event-flow diagram's view model: laid-out nodes and edges, and tokens that travel along edges. */
import type { IntervalIndex } from '../trace/search';

export type FlowNodeKind =
  | 'client'
  | 'apigateway'
  | 'lambda'
  | 'asyncQueue'
  | 'dynamodb'
  | 's3'
  | 'sqs'
  | 'poller'
  | 'sns'
  | 'stream'
  | 'destination'
  | 'dlq';

export type TokenOutcome = 'success' | 'error' | 'throttle' | 'retry' | 'dlq' | 'pending';

export interface FlowNodeSpec {
  readonly id: string;
  readonly kind: FlowNodeKind;
  readonly label: string;
}

/** Resources known from the world's configuration, drawn even before traffic reaches them. */
export interface FlowTopology {
  readonly nodes: readonly FlowNodeSpec[];
  readonly edges: readonly { readonly from: string; readonly to: string }[];
}

export interface FlowNode extends FlowNodeSpec {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Internal parts the lab models rather than mirrors (the async queue, the poller fleet). */
  readonly modeled: boolean;
}

export interface FlowEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface FlowToken {
  readonly id: string;
  /** The request id or message id the token carries. */
  readonly ref: string;
  readonly refKind: 'request' | 'message' | 'batch';
  readonly edgeId: string;
  /** Travels against the edge's direction (a response or a retry). */
  readonly reverse: boolean;
  readonly startMs: number;
  readonly endMs: number;
  readonly outcome: TokenOutcome;
  /** The trace event that made the hop, for the inspector. */
  readonly seq: number;
}

export interface FlowModel {
  readonly startMs: number;
  readonly endMs: number;
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  readonly edgeById: ReadonlyMap<string, FlowEdge>;
  readonly tokens: readonly FlowToken[];
  readonly index: IntervalIndex;
  readonly width: number;
  readonly height: number;
}

export interface PlacedToken {
  readonly token: FlowToken;
  readonly x: number;
  readonly y: number;
  readonly progress: number;
}
