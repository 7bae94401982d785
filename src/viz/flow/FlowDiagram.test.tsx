// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { FlowDiagram } from './FlowDiagram';
import { inspectToken } from './inspectToken';
import { toFlowModel } from './toFlowModel';

afterEach(cleanup);

function setup() {
  const t = createTestWorld(
    {},
    { invoke: { sleepMs: 100, logs: [{ offsetMs: 1, text: 'hi' }] } },
  ).createFunction({
    functionName: 'f',
  });
  t.invoke({ functionName: 'f', payloadJson: '{"n":1}' }).advanceBy(1000);
  const events = t.world.trace.events;
  return { events, model: toFlowModel(events) };
}

describe('FlowDiagram', () => {
  it('draws nodes and edges with stable test ids and places a token by virtual time', () => {
    const { model } = setup();
    const req = model.tokens[0]!;
    const mid = (req.startMs + req.endMs) / 2;
    const { container } = render(<FlowDiagram model={model} timeMs={mid} minTravelMs={0} />);
    expect(
      [...container.querySelectorAll('[data-testid="flow.node"]')].map((n) =>
        n.getAttribute('data-node-kind'),
      ),
    ).toEqual(['lambda', 'client']);
    expect(container.querySelectorAll('[data-testid="flow.edge"]')).toHaveLength(1);
    const tokens = container.querySelectorAll<SVGGElement>('[data-testid="flow.token"]');
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.dataset.outcome).toBe('pending');
    const edge = model.edges[0]!;
    const midX = (edge.points[0]![0] + edge.points[1]![0]) / 2;
    expect(Number(tokens[0]!.dataset.x)).toBeCloseTo(midX, 0);
    expect(screen.getByRole('group', { name: /Event flow at/ }).getAttribute('aria-label')).toMatch(
      /1 in flight\.$/,
    );
  });

  it('opens the inspector on click or Enter with the event, the invocation and its log lines', () => {
    const { model, events } = setup();
    const resp = model.tokens.find((k) => k.outcome === 'success')!;
    render(
      <FlowDiagram
        model={model}
        timeMs={resp.startMs + 10}
        minTravelMs={100}
        inspect={(k) => inspectToken(events, k)}
      />,
    );
    const token = screen.getByRole('button', { name: /success/ });
    fireEvent.keyDown(token, { key: 'Enter' });
    expect(screen.getByTestId('flow.inspector.event').textContent).toContain('"status": "success"');
    expect(screen.getByTestId('flow.inspector.logs').textContent).toContain('hi');
    expect(screen.getByTestId('flow.inspector.invocations').textContent).toContain('cold');
    fireEvent.click(screen.getByText('Close details'));
    expect(screen.queryByTestId('flow.inspector')).toBeNull();
    fireEvent.click(token);
    expect(screen.getByTestId('flow.inspector')).toBeTruthy();
  });
});
