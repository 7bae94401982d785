// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld, DEFAULT_ROLE } from '../sim/testWorld';
import { EventTable } from './EventTable';
import { createManualScheduler, createPlayback } from './playback/createPlayback';
import { PlaybackControls } from './playback/PlaybackControls';
import { PowerTuningChart } from './powerTuning/PowerTuningChart';
import { runPowerTuning } from './powerTuning/powerTuning';
import { createTestLabFactory } from './testing/testLab';
import { WhatIfTimelines } from './whatIf/WhatIfTimelines';
import { runWhatIf } from './whatIf/whatIf';

afterEach(cleanup);

const fn = {
  functionName: 'f',
  role: DEFAULT_ROLE,
  runtime: 'python3.13',
  handler: 'lambda_function.lambda_handler',
  code: { files: { 'lambda_function.py': 'def lambda_handler(e, c):\n    return 1\n' } },
};

describe('PlaybackControls', () => {
  it('plays, pauses, scrubs and changes speed with labelled controls', async () => {
    const scheduler = createManualScheduler();
    const p = createPlayback({ startMs: 0, endMs: 10_000, scheduler });
    render(<PlaybackControls playback={p} label="Timeline" />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    act(() => {
      scheduler.frame(0);
      scheduler.frame(500);
    });
    expect(screen.getByTestId('viz.playback.time').textContent).toBe('500 ms / 10.0 s');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    fireEvent.change(screen.getByLabelText('Virtual time'), { target: { value: '2500' } });
    expect(p.getState().timeMs).toBe(2500);
    expect(screen.getByLabelText('Virtual time').getAttribute('aria-valuetext')).toBe('2.500 s of 10.0 s');
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '100' } });
    expect(p.getState().speed).toBe(100);
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(p.getState().timeMs).toBe(2600);
  });
});

describe('PowerTuningChart', () => {
  it('says every run failed instead of naming a cheapest size', () => {
    const point = {
      invocations: 2,
      avgDurationMs: 3,
      avgBilledDurationMs: 3,
      avgCostUsd: 1e-7,
      coldInitMs: null,
      errors: 2,
    };
    const result = {
      points: [128, 256].map((memoryMb) => ({ ...point, memoryMb })),
      cheapestMb: null,
      fastestMb: null,
      architecture: 'x86_64' as const,
      failures: [],
    };
    render(<PowerTuningChart result={result} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/every run failed/);
    expect(screen.getByRole('img').getAttribute('aria-label')).not.toMatch(/cheapest –/);
  });

  it('plots one point per memory size and marks the cheapest and the fastest, labelled modeled', async () => {
    const result = await runPowerTuning({
      createLab: createTestLabFactory({ invoke: { cpuMs: 1, sleepMs: 200 } }),
      fn,
      memorySizes: [128, 1024, 2048],
      invocations: 2,
    });
    const { container } = render(<PowerTuningChart result={result} />);
    const points = [...container.querySelectorAll<SVGGElement>('[data-testid="power.point"]')];
    expect(points.map((p) => p.dataset.memoryMb)).toEqual(['128', '1024', '2048']);
    expect(points.find((p) => p.dataset.cheapest === 'true')?.dataset.memoryMb).toBe('128');
    expect(points.find((p) => p.dataset.fastest === 'true')?.dataset.memoryMb).toBe('2048');
    expect(screen.getByText('modeled duration and cost')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/cheapest 128 MB, fastest 2048 MB/);
  });
});

describe('WhatIfTimelines', () => {
  it('stacks two timelines on one axis with a comparison table', async () => {
    const base = {
      label: 'A',
      memoryMb: 512,
      provisionedConcurrency: 0,
      packageSizeMb: 1,
      runtime: 'python3.13',
      vpc: false,
      snapStart: false,
    };
    const result = await runWhatIf({
      createLab: createTestLabFactory({ invoke: { sleepMs: 100 } }),
      fn,
      traffic: { arrivalsMs: [0, 0, 1000] },
      a: base,
      b: { ...base, label: 'B', provisionedConcurrency: 2 },
    });
    render(<WhatIfTimelines result={result} timeMs={result.endMs} />);
    const timelines = screen.getAllByTestId('timeline');
    expect(timelines).toHaveLength(2);
    expect(timelines.map((t) => t.dataset.fromMs)).toEqual([String(result.startMs), String(result.startMs)]);
    expect(timelines.map((t) => t.dataset.toMs)).toEqual([String(result.endMs), String(result.endMs)]);
    const rows = screen.getByTestId('whatif.summary').querySelectorAll('tbody tr');
    expect(rows[0]!.textContent).toMatch(/^A: 512 MB.*?2/);
    expect(rows[1]!.textContent).toContain('PC 2');
  });

  it('adds a third timeline, a modeled cost per side and SnapStart’s snapshot row', async () => {
    const base = {
      label: 'A',
      memoryMb: 512,
      provisionedConcurrency: 0,
      packageSizeMb: 1,
      runtime: 'python3.13',
      vpc: false,
      snapStart: false,
    };
    const result = await runWhatIf({
      createLab: createTestLabFactory({ invoke: { sleepMs: 100 } }),
      fn,
      traffic: { arrivalsMs: [0] },
      a: base,
      b: { ...base, label: 'B', snapStart: true },
      c: { ...base, label: 'C', provisionedConcurrency: 1 },
    });
    render(<WhatIfTimelines result={result} timeMs={result.endMs} />);
    expect(screen.getAllByTestId('timeline')).toHaveLength(3);
    expect(screen.getByTestId('whatif.cost.B').textContent).toMatch(/^\$.*\(approximate\)$/);
    expect(screen.getByTestId('whatif.cost.A').textContent).not.toContain('approximate');
    expect(screen.getByTestId('whatif.snapstart.note').textContent).toContain('modeled');
    // B's first row is the environment that took the snapshot at publish, labelled as such.
    const snapRow = screen.getAllByTestId('timeline')[1]!.querySelector('[data-testid="timeline.row"]');
    expect(snapRow?.querySelector('text')?.textContent).toMatch(/ snapshot$/);
  });
});

describe('EventTable', () => {
  it('lists the trace up to the playhead in words', async () => {
    const t = createTestWorld({}, { invoke: { sleepMs: 100 } }).createFunction({ functionName: 'f' });
    t.invoke({ functionName: 'f' }).advanceBy(1000);
    const events = t.world.trace.events;
    const start = events.find((e) => e.name === 'lambda.invoke.start')!;
    const { container } = render(<EventTable events={events} timeMs={start.t} />);
    const names = [...container.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-name'));
    expect(names[0]).toBe('world.created');
    expect(names).toContain('lambda.invoke.start');
    expect(names).not.toContain('lambda.invoke.end');
    expect(screen.getByText(/started on \w{8}: cold, attempt 1/)).toBeTruthy();
  });
});
