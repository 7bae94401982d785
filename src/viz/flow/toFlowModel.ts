/**
 * The event-flow diagram as a projection of the trace: nodes for the client, services, functions, the
 * async queue, pollers, destinations and DLQs; one token per hop of a request or message along an edge,
 * coloured by outcome. Laid out once; `flowFrameAt` finds the tokens in flight by binary search.
 */
import { asKnown, str, type TraceLike } from '../trace/looseEvents';
import { candidatesAt, createIntervalIndex } from '../trace/search';
import { createServiceEventReader } from '../trace/serviceEvents';
import type {
  FlowEdge,
  FlowModel,
  FlowNode,
  FlowNodeSpec,
  FlowToken,
  FlowTopology,
  PlacedToken,
  TokenOutcome,
} from './flowTypes';
import { edgePoints, layoutGraph, NODE_HEIGHT, NODE_WIDTH, pointAlong } from './layoutGraph';
import {
  asyncNode,
  CLIENT,
  destinationNode,
  fnNode,
  MODELED,
  mappingInvoker,
  serviceHop,
  type Trigger,
  triggerOf,
} from './serviceHops';

export * from './flowTypes';

export interface FlowOptions {
  readonly untilMs?: number;
  readonly topology?: FlowTopology;
}

export function toFlowModel(events: readonly TraceLike[], options: FlowOptions = {}): FlowModel {
  const specs = new Map<string, FlowNodeSpec>();
  const edges = new Map<string, { from: string; to: string; layout: boolean }>();
  const tokens: FlowToken[] = [];
  const addNode = (n: FlowNodeSpec): string => {
    if (!specs.has(n.id)) specs.set(n.id, n);
    return n.id;
  };
  for (const n of options.topology?.nodes ?? []) addNode(n);
  for (const e of options.topology?.edges ?? []) edges.set(`${e.from}->${e.to}`, { ...e, layout: true });
  const hop = (
    from: FlowNodeSpec,
    to: FlowNodeSpec,
    e: TraceLike,
    ref: string,
    refKind: FlowToken['refKind'],
    outcome: TokenOutcome,
    startMs = e.t,
    endMs = e.t,
  ): void => {
    const a = addNode(from);
    const b = addNode(to);
    const back = `${b}->${a}`;
    const reverse = a !== b && edges.has(back);
    const id = reverse ? back : `${a}->${b}`;
    if (!reverse && !edges.has(id)) edges.set(id, { from: a, to: b, layout: outcome !== 'retry' });
    tokens.push({
      id: `${e.seq}:${ref}`,
      ref,
      refKind,
      edgeId: id,
      reverse,
      startMs,
      endMs,
      outcome,
      seq: e.seq,
    });
  };

  // First pass: who invokes. Mapping batches name their request; S3, SNS and API Gateway invokes are
  // matched by time and function; boto3 calls name the function that made them.
  const invokerOf = new Map<string, FlowNodeSpec>();
  const triggers = new Map<number, Trigger[]>();
  const callers = new Map<string, string>();
  const firstRead = createServiceEventReader();
  for (const e of events) {
    if (e.name === 'aws.call') {
      const fn = str(e, 'functionName');
      if (fn) callers.set(`${e.t}|${str(e, 'service')}`, fn);
      continue;
    }
    const s = firstRead(e);
    if (!s) continue;
    if (s.requestId && (s.action === 'batchReceived' || s.action === 'streamBatchReceived')) {
      invokerOf.set(s.requestId, mappingInvoker(s));
    }
    const trigger = triggerOf(s);
    if (trigger) triggers.set(e.t, [...(triggers.get(e.t) ?? []), trigger]);
  }
  const callerOf = new Map<string, FlowNodeSpec>();
  const caller = (requestId: string, functionName: string, t: number): FlowNodeSpec => {
    let node = callerOf.get(requestId) ?? invokerOf.get(requestId);
    if (!node) {
      const at = triggers.get(t) ?? [];
      const i = at.findIndex((x) => x.functionName === functionName || x.functionName === null);
      node = i >= 0 ? at.splice(i, 1)[0]!.node : CLIENT;
    }
    callerOf.set(requestId, node);
    return node;
  };

  const read = createServiceEventReader();
  const envCreated = new Map<string, number>();
  const asyncRequests = new Map<string, string>();
  for (const loose of events) {
    const e = asKnown(loose);
    switch (e.name) {
      case 'lambda.function.created':
        addNode(fnNode(e.functionName));
        break;
      case 'lambda.env.created':
        envCreated.set(e.envId, e.t);
        break;
      case 'lambda.invoke.accepted':
        asyncRequests.set(e.requestId, e.functionName);
        hop(
          caller(e.requestId, e.functionName, e.t),
          asyncNode(e.functionName),
          e,
          e.requestId,
          'request',
          'pending',
        );
        break;
      case 'lambda.invoke.start': {
        // A cold request travels while its environment initializes.
        const sent = e.cold ? (envCreated.get(e.envId) ?? e.t) : e.t;
        const from = asyncRequests.has(e.requestId)
          ? asyncNode(e.functionName)
          : caller(e.requestId, e.functionName, sent);
        hop(from, fnNode(e.functionName), e, e.requestId, 'request', 'pending', sent, e.t);
        break;
      }
      case 'lambda.invoke.end': {
        const outcome: TokenOutcome = e.status === 'success' ? 'success' : 'error';
        const to = asyncRequests.has(e.requestId)
          ? asyncNode(e.functionName)
          : caller(e.requestId, e.functionName, e.t);
        hop(fnNode(e.functionName), to, e, e.requestId, 'request', outcome);
        break;
      }
      case 'lambda.invoke.throttled': {
        const from = asyncRequests.has(e.requestId)
          ? asyncNode(e.functionName)
          : caller(e.requestId, e.functionName, e.t);
        hop(from, fnNode(e.functionName), e, e.requestId, 'request', 'throttle');
        break;
      }
      case 'lambda.async.retry.scheduled': {
        const name = asyncRequests.get(e.requestId);
        if (name) hop(asyncNode(name), asyncNode(name), e, e.requestId, 'request', 'retry', e.t, e.atMs);
        break;
      }
      case 'lambda.destination.delivered': {
        const name = asyncRequests.get(e.requestId);
        const dlq = e.target === 'deadLetterQueue';
        const outcome: TokenOutcome = dlq ? 'dlq' : e.target === 'onSuccess' ? 'success' : 'error';
        hop(
          name ? fnNode(name) : CLIENT,
          destinationNode(e.destinationArn, dlq),
          e,
          e.requestId,
          'request',
          outcome,
        );
        break;
      }
      default: {
        const s = read(loose);
        if (!s) break;
        const fn = callers.get(`${loose.t}|${s.service}`);
        serviceHop(s, fn ? fnNode(fn) : CLIENT, hop);
        break;
      }
    }
  }
  return place(events, specs, edges, tokens, options.untilMs);
}

function place(
  events: readonly TraceLike[],
  specs: ReadonlyMap<string, FlowNodeSpec>,
  edgeMap: ReadonlyMap<string, { from: string; to: string; layout: boolean }>,
  tokens: FlowToken[],
  untilMs: number | undefined,
): FlowModel {
  const list = [...specs.values()];
  const layout = layoutGraph({ nodes: list, edges: [...edgeMap.values()].filter((e) => e.layout) });
  const nodes: FlowNode[] = list.map((n) => {
    const b = layout.boxes.get(n.id)!;
    return { ...n, x: b.x, y: b.y, width: NODE_WIDTH, height: NODE_HEIGHT, modeled: MODELED.has(n.kind) };
  });
  const boxes = [...layout.boxes.values()];
  let lanes = 0;
  const laneY = () => layout.height + 4 + 10 * lanes++;
  const edges: FlowEdge[] = [...edgeMap.entries()].map(([id, e]) => {
    const a = layout.boxes.get(e.from)!;
    const b = layout.boxes.get(e.to)!;
    if (e.from === e.to) {
      const loop: [number, number][] = [
        [a.x + NODE_WIDTH * 0.75, a.y],
        [a.x + NODE_WIDTH * 0.75, a.y - 14],
        [a.x + NODE_WIDTH * 0.25, a.y - 14],
        [a.x + NODE_WIDTH * 0.25, a.y],
      ];
      return { id, from: e.from, to: e.to, points: loop };
    }
    const straight = edgePoints(a, b, boxes);
    // A forward edge that would cross a box takes its own lane below the diagram instead.
    const points = straight.length === 2 || b.layer <= a.layer ? straight : edgePoints(a, b, boxes, laneY());
    return { id, from: e.from, to: e.to, points };
  });
  tokens.sort((x, y) => x.startMs - y.startMs || x.seq - y.seq);
  const first = events[0]?.t ?? 0;
  const last = events[events.length - 1]?.t ?? first;
  return {
    startMs: first,
    endMs: Math.max(untilMs ?? last, last),
    nodes,
    edges,
    edgeById: new Map(edges.map((e) => [e.id, e])),
    tokens,
    index: createIntervalIndex(
      tokens.map((k) => k.startMs),
      tokens.map((k) => k.endMs),
    ),
    width: layout.width,
    height: layout.height + 30 + 10 * lanes,
  };
}

/**
 * Tokens on their edges at t. A hop takes at least `minTravelMs` of virtual time on screen (pass about
 * 0.4 s of wall time times the playback speed), so instantaneous hops stay visible.
 */
export function flowFrameAt(model: FlowModel, t: number, minTravelMs: number, max = 500): PlacedToken[] {
  const [lo, hi] = candidatesAt(model.index, t, minTravelMs);
  const out: PlacedToken[] = [];
  for (let i = lo; i < hi && out.length < max; i++) {
    const token = model.tokens[i]!;
    const duration = Math.max(token.endMs - token.startMs, minTravelMs);
    if (t < token.startMs || t >= token.startMs + duration) continue;
    const edge = model.edgeById.get(token.edgeId);
    if (!edge) continue;
    const progress = duration > 0 ? (t - token.startMs) / duration : 1;
    const [x, y] = pointAlong(edge.points, token.reverse ? 1 - progress : progress);
    out.push({ token, x, y, progress });
  }
  return out;
}
