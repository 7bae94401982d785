// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { ColdStartTimeline } from './ColdStartTimeline';
import { toTimelineModel } from './toTimelineModel';

afterEach(cleanup);

function model(concurrent = 2) {
  const t = createTestWorld({}, { init: { cpuMs: 50 }, invoke: { sleepMs: 200 } }).createFunction({
    functionName: 'f',
  });
  for (let i = 0; i < concurrent; i++) t.invoke({ functionName: 'f' });
  t.advanceBy(2000);
  return toTimelineModel(t.world.trace.events);
}

describe('ColdStartTimeline', () => {
  it('draws each span with its kind, environment and x/width from virtual time', () => {
    const m = model();
    const { container } = render(<ColdStartTimeline model={m} timeMs={m.endMs} width={912} />);
    const fig = screen.getByTestId('timeline');
    const x0 = Number(fig.dataset.bodyX);
    const w = Number(fig.dataset.bodyWidth);
    expect(w).toBe(912 - 112 - 20);
    const spans = [...container.querySelectorAll<SVGRectElement>('rect[data-testid="timeline.span"]')];
    const kinds = new Set(spans.map((s) => s.dataset.kind));
    expect(kinds).toEqual(new Set(['init-modeled', 'init-measured', 'invoke', 'idle']));
    for (const s of spans) {
      const start = Number(s.dataset.startMs);
      const expected = x0 + ((start - m.startMs) / (m.endMs - m.startMs)) * w;
      expect(Number(s.getAttribute('x'))).toBeCloseTo(expected, 6);
    }
    const envIds = new Set(spans.map((s) => s.dataset.envId));
    expect(envIds).toEqual(new Set(m.rows.map((r) => r.envId)));
    expect(container.querySelectorAll('[data-kind="cold-marker"]')).toHaveLength(2);
  });

  it('draws a fixed frame: what lies after timeMs is covered, starting at the playhead', () => {
    const m = model(1);
    const code = m.rows[0]!.spans.find((s) => s.kind === 'init-measured')!;
    const t = code.startMs + 10;
    const { container } = render(<ColdStartTimeline model={m} timeMs={t} width={912} />);
    const fig = screen.getByTestId('timeline');
    const x0 = Number(fig.dataset.bodyX);
    const k = Number(fig.dataset.bodyWidth) / (m.endMs - m.startMs);
    // The playhead is the left edge of the cover over what has not happened yet.
    const playhead = Number(screen.getByTestId('timeline.playhead').dataset.x);
    expect(playhead).toBeCloseTo(x0 + (t - m.startMs) * k, 6);
    expect(screen.getByTestId('timeline.playhead').style.transform).toBe(`translateX(${playhead}px)`);
    // The module's Init in progress starts before the playhead and runs on under the cover; the invoke
    // after it lies wholly under the cover.
    const initRect = container.querySelector<SVGRectElement>('rect[data-kind="init-measured"]')!;
    expect(Number(initRect.getAttribute('x'))).toBeLessThan(playhead);
    expect(Number(initRect.getAttribute('x')) + Number(initRect.getAttribute('width'))).toBeGreaterThan(
      playhead,
    );
    const invoke = container.querySelector<SVGRectElement>('rect[data-kind="invoke"]')!;
    expect(Number(invoke.getAttribute('x'))).toBeGreaterThan(playhead);
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toMatch(
      /1 environment created, 1 alive, concurrency 1, 0 throttles\.$/,
    );
    expect(screen.getByTestId('timeline.latency').textContent).toBe('No invocation has finished yet.');
  });

  it('virtualises rows: only the visible ones (plus overscan) are in the DOM', () => {
    const m = model(40);
    const { container } = render(<ColdStartTimeline model={m} timeMs={m.endMs} viewportRows={10} />);
    expect(m.rows).toHaveLength(40);
    expect(container.querySelectorAll('[data-testid="timeline.row"]')).toHaveLength(18);
    // The text alternative lists every environment created by timeMs.
    expect(screen.getByTestId('timeline.table').querySelectorAll('tbody tr')).toHaveLength(40);
  });

  it('labels the platform Init parts as modeled', () => {
    const m = model(1);
    render(<ColdStartTimeline model={m} timeMs={m.endMs} />);
    const legend = within(screen.getByLabelText('Legend'));
    expect(legend.getByText('modeled')).toBeTruthy();
    expect(legend.getByText(/module code \(measured\)/)).toBeTruthy();
  });
});
