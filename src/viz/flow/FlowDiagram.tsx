/**
 * The event-flow diagram: the laid-out world, with each request or message as a token on its edge at
 * `timeMs`. Shape and colour both say the outcome; tokens are focusable buttons that open the inspector.
 */
import '../viz.css';
import { type KeyboardEvent, memo, useId, useState } from 'react';
import { formatDuration, plural } from '../common/format';
import { TextAlternative } from '../common/TextAlternative';
import { clusterTokens } from './clusterTokens';
import type { FlowModel, FlowNode, FlowToken, PlacedToken, TokenOutcome } from './flowTypes';
import type { TokenDetails } from './inspectToken';
import { TokenInspector } from './TokenInspector';
import { flowFrameAt } from './toFlowModel';

export interface FlowDiagramProps {
  readonly model: FlowModel;
  readonly timeMs: number;
  /** Virtual ms a hop takes on screen at least: about 0.4 s of wall time times the playback speed. */
  readonly minTravelMs: number;
  /** Looks up a token's details (e.g. `(t) => inspectToken(events, t)`); without it tokens are not clickable. */
  readonly inspect?: (token: FlowToken) => TokenDetails | null;
  readonly title?: string;
  readonly maxTokens?: number;
}

const OUTCOME_LABEL: Record<TokenOutcome, string> = {
  success: 'success',
  error: 'error',
  throttle: 'throttled',
  retry: 'retry',
  dlq: 'to DLQ',
  pending: 'in flight',
};

/** A token's shape at the origin (its group is moved into place), so the shape itself never changes. */
const TokenShape = memo(function TokenShape({ outcome }: { readonly outcome: TokenOutcome }) {
  switch (outcome) {
    case 'pending':
      return <circle r={5} fill="var(--panel)" stroke="var(--viz-line)" strokeWidth={2} />;
    case 'success':
      return <circle r={5} fill="var(--viz-ok)" />;
    case 'error':
      return <path d="M-5 -5L5 5M5 -5L-5 5" stroke="var(--viz-bad)" strokeWidth={3} />;
    case 'throttle':
      return <path d="M0 -6L6 5H-6Z" fill="var(--viz-bad)" />;
    case 'retry':
      return <path d="M0 -6L6 0L0 6L-6 0Z" fill="var(--accent)" />;
    case 'dlq':
      return <rect x={-5} y={-5} width={10} height={10} fill="var(--viz-line)" />;
    default: {
      const never: never = outcome;
      return never;
    }
  }
});

function NodeBox({ n }: { readonly n: FlowNode }) {
  return (
    <g data-testid="flow.node" data-node-id={n.id} data-node-kind={n.kind} data-x={n.x} data-y={n.y}>
      <rect
        x={n.x}
        y={n.y}
        width={n.width}
        height={n.height}
        rx={n.kind === 'lambda' ? 10 : 3}
        fill="var(--panel)"
        stroke={n.kind === 'dlq' ? 'var(--viz-bad)' : 'var(--viz-line)'}
        strokeDasharray={n.modeled ? '4 3' : undefined}
        strokeWidth={n.kind === 'lambda' ? 2 : 1}
      />
      <text x={n.x + 6} y={n.y + 17}>
        {n.label.length > 18 ? `${n.label.slice(0, 17)}…` : n.label}
      </text>
      <text x={n.x + 6} y={n.y + 33} className="muted">
        {n.kind}
        {n.modeled ? ' (modeled)' : ''}
      </text>
    </g>
  );
}

/** Edges and resources: drawn once per model, under the tokens. */
const Graph = memo(function Graph({
  model,
  markerId,
}: {
  readonly model: FlowModel;
  readonly markerId: string;
}) {
  return (
    <>
      {model.edges.map((e) => (
        <polyline
          key={e.id}
          data-testid="flow.edge"
          data-edge-id={e.id}
          points={e.points.map((p) => p.join(',')).join(' ')}
          fill="none"
          stroke="var(--muted)"
          markerEnd={`url(#${markerId})`}
        />
      ))}
      {model.nodes.map((n) => (
        <NodeBox key={n.id} n={n} />
      ))}
    </>
  );
});

function TokenTable({
  model,
  placed,
}: {
  readonly model: FlowModel;
  readonly placed: readonly PlacedToken[];
}) {
  return (
    <table className="viz-table">
      <caption>Tokens in flight</caption>
      <thead>
        <tr>
          <th scope="col">Carries</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {placed.map((p) => {
          const edge = model.edgeById.get(p.token.edgeId);
          const [from, to] = p.token.reverse ? [edge?.to, edge?.from] : [edge?.from, edge?.to];
          return (
            <tr key={p.token.id}>
              <td>{`${p.token.refKind} ${p.token.ref}`}</td>
              <td>{from}</td>
              <td>{to}</td>
              <td>{OUTCOME_LABEL[p.token.outcome]}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function FlowDiagram(props: FlowDiagramProps) {
  const { model, timeMs, minTravelMs, inspect, title = 'Event flow', maxTokens = 5000 } = props;
  const markerId = `${useId().replace(/:/g, '')}-arrow`;
  const [details, setDetails] = useState<TokenDetails | null>(null);
  const placed = flowFrameAt(model, timeMs, minTravelMs, maxTokens);
  const clusters = clusterTokens(placed);
  const open = (token: FlowToken) => setDetails(inspect?.(token) ?? null);
  const onKey = (e: KeyboardEvent, token: FlowToken) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(token);
    }
  };
  const counts = new Map<TokenOutcome, number>();
  for (const p of placed) counts.set(p.token.outcome, (counts.get(p.token.outcome) ?? 0) + 1);
  const summary =
    `${title} at ${formatDuration(timeMs - model.startMs)}: ${plural(model.nodes.length, 'resource')}; ` +
    (placed.length === 0
      ? 'nothing moving.'
      : `${[...counts].map(([o, n]) => `${n} ${OUTCOME_LABEL[o]}`).join(', ')}.`);
  return (
    <figure className="viz" data-testid="flow" data-time-ms={timeMs}>
      <figcaption>{title}</figcaption>
      <ul className="viz-legend" aria-label="Legend">
        <li>○ in flight</li>
        <li>● success</li>
        <li>✕ error</li>
        <li>▲ throttled</li>
        <li>◆ retry</li>
        <li>■ to DLQ</li>
        <li>
          dashed box <span className="viz-modeled-tag">modeled</span>
        </li>
      </ul>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; role="group" names it while its tokens stay buttons */}
      <svg width={model.width} height={model.height} role="group" aria-label={summary}>
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 8 8"
            refX="8"
            refY="4"
            markerWidth="8"
            markerHeight="8"
            orient="auto"
          >
            <path d="M0 0L8 4L0 8Z" fill="var(--muted)" />
          </marker>
        </defs>
        <Graph model={model} markerId={markerId} />
        {clusters.map(({ first: p, count }) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG token cannot be a <button>; it gets role, focus and keys
          <g
            key={p.token.id}
            className="viz-token"
            transform={`translate(${p.x.toFixed(2)} ${p.y.toFixed(2)})`}
            data-testid="flow.token"
            data-token-id={p.token.id}
            data-ref={p.token.ref}
            data-outcome={p.token.outcome}
            data-edge-id={p.token.edgeId}
            data-x={p.x.toFixed(2)}
            data-y={p.y.toFixed(2)}
            data-progress={p.progress.toFixed(4)}
            data-reverse={p.token.reverse}
            data-count={count}
            role="button"
            tabIndex={inspect ? 0 : -1}
            aria-label={
              count > 1
                ? `${count} ${p.token.refKind}s together, ${OUTCOME_LABEL[p.token.outcome]}; the first is ${p.token.ref.slice(0, 8)}`
                : `${p.token.refKind} ${p.token.ref.slice(0, 8)}, ${OUTCOME_LABEL[p.token.outcome]}`
            }
            onClick={() => open(p.token)}
            onKeyDown={(e) => onKey(e, p.token)}
          >
            <TokenShape outcome={p.token.outcome} />
            {count > 1 ? (
              <text x={8} y={-6} className="viz-token-count">
                ×{count}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      {details ? <TokenInspector details={details} onClose={() => setDetails(null)} /> : null}
      <TextAlternative label="flow table" testId="flow.alternative">
        {(shown) => (
          <>
            <p>{summary}</p>
            {/* Hundreds of rows that change every frame are built only while someone reads them. */}
            {shown ? <TokenTable model={model} placed={placed} /> : null}
          </>
        )}
      </TextAlternative>
    </figure>
  );
}
