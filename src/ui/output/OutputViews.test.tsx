// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithLab } from '../resources/testLink';
import { BillPanel } from './BillPanel';
import { LogsPanel } from './LogsPanel';
import { MetricsPanel } from './MetricsPanel';

// jsdom has no canvas: the chart library is replaced by a recorder of what it was asked to draw.
const drawn = vi.hoisted(() => [] as { series: string[]; points: number }[]);
vi.mock('uplot', () => {
  class FakePlot {
    static tzDate = (d: Date) => d;
    static fmtDate = () => (d: Date) => d.toISOString();
    static paths = { bars: () => null };
    constructor(opts: { series: { label?: string }[] }, data: number[][]) {
      drawn.push({ series: opts.series.slice(1).map((s) => s.label ?? ''), points: data[0]?.length ?? 0 });
    }
    setData() {}
    destroy() {}
  }
  return { default: FakePlot };
});

afterEach(cleanup);

const text = (id: string) => screen.getByTestId(id).textContent ?? '';

describe('LogsPanel', () => {
  it('lists one stream per environment and filters by request id and by text, showing exact lines', async () => {
    const { lab } = renderWithLab(<LogsPanel />, {
      invoke: { logs: [{ offsetMs: 0, text: 'handled\tone' }] },
    });
    expect((await screen.findByTestId('logs.empty')).textContent).toContain('/aws/lambda/<name>');
    await lab.addFunction('worker');
    const first = await act(() => lab.runner.invoke({ functionName: 'worker', payloadJson: '{}' }));
    await act(() => lab.runner.invoke({ functionName: 'worker', payloadJson: '{}' }));
    const streams = await screen.findAllByTestId('logs.stream');
    expect(streams).toHaveLength(1);
    expect(streams[0]?.getAttribute('data-stream')).toMatch(/^2026\/11\/27\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(streams[0]?.parentElement?.textContent).toContain('environment idle');
    const lines = () =>
      screen.getAllByTestId('logs.line').map((l) => l.querySelector('.log-msg')?.textContent);
    // Cold: INIT_START, START, the line, END, REPORT; warm: the same without INIT_START.
    expect(lines()).toHaveLength(9);
    expect(lines().filter((l) => l === 'handled\tone')).toHaveLength(2);

    const id = first.response?.requestId ?? '';
    fireEvent.change(screen.getByTestId('logs.filter.requestId'), { target: { value: id } });
    await waitFor(() => expect(lines()).toHaveLength(5));
    expect(lines()[0]).toMatch(/^INIT_START /);
    expect(lines()[4]).toMatch(new RegExp(`^REPORT RequestId: ${id}\\t`));
    fireEvent.change(screen.getByTestId('logs.filter'), { target: { value: 'END' } });
    await waitFor(() => expect(lines()).toEqual([`END RequestId: ${id}`]));
    expect(text('logs.count')).toContain('1 event in all streams');
  });
});

describe('MetricsPanel', () => {
  it('draws one chart per metric with a data table, and filters by function', async () => {
    const { lab } = renderWithLab(<MetricsPanel />, {
      functions: { bad: { invoke: { outcome: { status: 'timeout' } } } },
    });
    expect((await screen.findByTestId('metrics.empty')).textContent).toContain('No invocations yet');
    await lab.addFunction('good');
    await lab.addFunction('bad');
    await act(() => lab.runner.invoke({ functionName: 'good', payloadJson: '{}' }));
    await act(() => lab.runner.invoke({ functionName: 'bad', payloadJson: '{}' }));
    await waitFor(() => expect(screen.getAllByTestId('metrics.chart')).toHaveLength(5));
    const names = screen.getAllByTestId('metrics.chart').map((c) => c.getAttribute('data-metric'));
    expect(names).toEqual(['Invocations', 'Errors', 'Throttles', 'Duration', 'ConcurrentExecutions']);
    expect(text('metrics.totals')).toContain('2 invocations · 1 errors · 0 throttles');
    expect(drawn.some((d) => d.series.join() === 'p50,p99')).toBe(true);
    const duration = screen.getAllByTestId('metrics.chart')[3]!;
    expect(duration.textContent).toContain('(modeled)');
    const table = within(duration).getByTestId('metrics.table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Period start (UTC)', 'p50', 'p99']);
    fireEvent.change(screen.getByTestId('metrics.function'), { target: { value: 'good' } });
    await waitFor(() => expect(text('metrics.totals')).toContain('1 invocations · 0 errors'));
  });
});

describe('BillPanel', () => {
  it('shows requests and GB-seconds against the free tier and a modeled total', async () => {
    const { lab } = renderWithLab(<BillPanel />, { invoke: { cpuMs: 0, sleepMs: 1000 } });
    await screen.findByTestId('bill');
    expect(text('bill.total')).toBe('$0');
    await lab.addFunction('f', { memoryMb: 1024 });
    await act(() => lab.runner.invoke({ functionName: 'f', payloadJson: '{}' }));
    await waitFor(() => expect(text('bill.requests')).toContain('1 of 1,000,000 requests free'));
    expect(screen.getByTestId('bill.gbs').getAttribute('data-used')).toMatch(/^1\.\d+$/);
    expect(text('bill.gbs')).toContain('of 400,000 GB-seconds free');
    expect(text('bill.total')).toBe('$0');
    expect(screen.getByTestId('bill').textContent).toContain('Modeled');
    expect(text('bill.functions')).toContain('f1');
  });
});
