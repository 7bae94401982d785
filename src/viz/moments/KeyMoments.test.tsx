// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyMoments } from './KeyMoments';
import type { KeyMoment } from './keyMoments';

afterEach(cleanup);

const moment = (kind: KeyMoment['kind'], startMs: number, title: string, detail: string): KeyMoment => ({
  kind,
  startMs,
  endMs: startMs,
  count: 1,
  title,
  detail,
});

describe('KeyMoments', () => {
  it('lists the moments in order with their offsets and marks the current step', () => {
    render(
      <KeyMoments
        originMs={1000}
        current={{ fromMs: 1_801_000, toMs: 1_802_000 }}
        moments={[
          moment('cold', 1000, 'Cold start', 'Init 90 ms + 2.00 ms'),
          moment('warm', 1500, 'Warm', '1.00 ms'),
          moment('idle', 1600, '30 min 0 s idle', '1 environment shut down'),
          moment('cold', 1_801_600, 'Cold start', 'Init 90 ms + 2.00 ms'),
        ]}
      />,
    );
    const items = screen.getAllByTestId('moments.item');
    expect(items.map((i) => i.dataset.kind)).toEqual(['cold', 'warm', 'idle', 'cold']);
    expect(items[0]!.textContent).toContain('at the start');
    expect(items[1]!.textContent).toContain('at +500 ms');
    expect(items[2]!.textContent).toContain('30 min 0 s idle');
    expect(items.map((i) => i.getAttribute('aria-current'))).toEqual([null, null, null, 'step']);
  });

  it('draws nothing before anything happened', () => {
    const { container } = render(<KeyMoments originMs={0} moments={[]} />);
    expect(container.textContent).toBe('');
  });
});
