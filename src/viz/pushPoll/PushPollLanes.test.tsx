// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { createSqsLab } from '../testing/sqsLab';
import { PushPollLanes } from './PushPollLanes';
import { toPushPollModel } from './toPushPollModel';

afterEach(cleanup);

const boom = {
  outcome: { status: 'error', error: { errorMessage: 'x', errorType: 'E', requestId: '', stackTrace: [] } },
} as const;

describe('PushPollLanes', () => {
  it('puts an async event in back-off between attempts and counts it', () => {
    const t = createTestWorld({}, { invoke: boom }).createFunction({ functionName: 'f' });
    t.invoke({ functionName: 'f', invocationType: 'Event' }).advanceBy(5 * 60_000);
    const m = toPushPollModel(t.world.trace.events);
    const backoff = m.push.items[0]!.phases.find((p) => p.kind === 'backoff')!;
    const { container } = render(<PushPollLanes model={m} timeMs={backoff.startMs + 1000} />);
    expect(screen.getByTestId('lanes.push.backoff').getAttribute('data-count')).toBe('1');
    const token = container.querySelector<SVGCircleElement>('[data-testid="lanes.push.token"]')!;
    expect(token.dataset.phase).toBe('backoff');
    expect(screen.getByTestId('lanes.push').getAttribute('aria-label')).toMatch(/1 in back-off/);
  });

  it('shows the poll lane from an SQS trace with the pollers and the last batch', () => {
    const q = createSqsLab({ batchSize: 10 });
    for (let i = 0; i < 3; i++) q.send(`m${i}`);
    q.map();
    q.lab.advance(5000);
    const m = toPushPollModel(q.lab.world.trace.events);
    render(<PushPollLanes model={m} timeMs={m.endMs} />);
    expect(screen.getByTestId('lanes.poll.deleted').getAttribute('data-count')).toBe('3');
    expect(screen.getByTestId('lanes.poll.batch').textContent).toMatch(/3 messages, success/);
    expect(screen.getByTestId('lanes.poll').getAttribute('aria-label')).toMatch(/5 pollers/);
  });

  it('offers the knobs it is given and reports clamped changes', () => {
    const onKnobChange = vi.fn();
    const m = toPushPollModel([]);
    render(
      <PushPollLanes
        model={m}
        timeMs={0}
        knobs={{ batchSize: 10, maxReceiveCount: 5 }}
        onKnobChange={onKnobChange}
      />,
    );
    expect(screen.queryByTestId('lanes.knob.visibilityTimeoutS')).toBeNull();
    fireEvent.change(screen.getByLabelText(/Batch size/), { target: { value: '20000' } });
    expect(onKnobChange).toHaveBeenCalledWith('batchSize', 10_000);
  });
});
