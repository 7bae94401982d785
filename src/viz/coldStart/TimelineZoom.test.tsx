// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { ColdStartTimeline } from './ColdStartTimeline';
import { toTimelineModel } from './toTimelineModel';

afterEach(cleanup);

/** Test, +15 min, Test. */
function gapModel() {
  const t = createTestWorld({}, { init: { cpuMs: 50 }, invoke: { sleepMs: 100 } }).createFunction({
    functionName: 'f',
  });
  t.invoke({ functionName: 'f' })
    .advanceBy(15 * 60_000)
    .invoke({ functionName: 'f' })
    .advanceBy(1000);
  return toTimelineModel(t.world.trace.events);
}

const invokeWidths = (c: HTMLElement) =>
  [...c.querySelectorAll<SVGRectElement>('rect[data-kind="invoke"]')].map((r) =>
    Number(r.getAttribute('width')),
  );

describe('ColdStartTimeline with idle time', () => {
  it('folds the 15 idle minutes into a labelled break and keeps invokes wide', () => {
    const m = gapModel();
    const { container } = render(<ColdStartTimeline model={m} timeMs={m.endMs} width={1000} />);
    // The quiet quarter hour is split by the environment's shutdown: two bands, one label for both.
    const chartBands = container.querySelectorAll(
      '[data-testid="timeline.concurrency"] [data-testid="timeline.break"]',
    );
    expect(chartBands).toHaveLength(2);
    const labels = screen.getAllByTestId('timeline.break.label').map((l) => l.textContent);
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatch(/^1[45] min \d+ s idle$/);
    expect(invokeWidths(container).every((w) => w > 5)).toBe(true);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Folded idle time: 14 min');
  });

  it('zooms with buttons and keys, pans, and resets', () => {
    const m = gapModel();
    const { container } = render(<ColdStartTimeline model={m} timeMs={m.startMs} width={1000} />);
    const measured = () =>
      Number(container.querySelector('rect[data-kind="init-measured"]')!.getAttribute('width'));
    const before = measured();
    const bar = screen.getByRole('toolbar', { name: /Timeline zoom/ });
    const reset = screen.getByRole('button', { name: 'Reset zoom' });
    expect(reset).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    fireEvent.keyDown(bar, { key: '+' });
    expect(bar.dataset.zoom).toBe('4');
    // Zoomed on the playhead at the start: the module's Init is four times as wide, still in view.
    expect(measured()).toBeCloseTo(before * 4, 3);
    const fig = screen.getByTestId('timeline');
    const to = Number(fig.dataset.toMs);
    expect(to).toBeLessThan(m.endMs);
    fireEvent.keyDown(bar, { key: 'ArrowRight' });
    expect(Number(fig.dataset.fromMs)).toBeGreaterThan(m.startMs);
    fireEvent.click(screen.getByRole('button', { name: 'Pan earlier' }));
    expect(Number(fig.dataset.fromMs)).toBe(m.startMs);
    fireEvent.click(reset);
    expect(bar.dataset.zoom).toBe('1');
    expect(Number(fig.dataset.toMs)).toBe(m.endMs);
  });

  it('takes the zoom keys on the drawing itself, and keeps them from the page', () => {
    const m = gapModel();
    const { container } = render(<ColdStartTimeline model={m} timeMs={m.startMs} width={1000} />);
    const drawing = screen.getByTestId('timeline.drawing');
    const bar = screen.getByRole('toolbar', { name: /Timeline zoom/ });
    expect(drawing.tabIndex).toBe(0);
    let reachedPage = 0;
    const onPage = () => reachedPage++;
    container.ownerDocument.addEventListener('keydown', onPage);
    drawing.focus();
    fireEvent.keyDown(drawing, { key: '+' });
    fireEvent.keyDown(drawing, { key: '=' });
    expect(bar.dataset.zoom).toBe('4');
    fireEvent.keyDown(drawing, { key: 'ArrowRight' });
    expect(Number(screen.getByTestId('timeline').dataset.fromMs)).toBeGreaterThan(m.startMs);
    fireEvent.keyDown(drawing, { key: '0' });
    expect(bar.dataset.zoom).toBe('1');
    // Handled keys stop at the drawing; others (Tab, letters) go on to the page.
    expect(reachedPage).toBe(0);
    fireEvent.keyDown(drawing, { key: 'x' });
    expect(reachedPage).toBe(1);
    container.ownerDocument.removeEventListener('keydown', onPage);
  });
});
