// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LessonDemo } from './LessonDemo';

afterEach(cleanup);

describe('LessonDemo', () => {
  it('shows its label first and mounts the demo player only when asked', () => {
    render(<LessonDemo id="cold-vs-warm" label="Watch the demo: cold against warm" />);
    const button = screen.getByTestId('lesson.demo');
    expect(button.textContent).toContain('Watch the demo: cold against warm');
    expect(screen.queryByTestId('lesson.demo.player')).toBeNull();
    fireEvent.click(button);
    const player = screen.getByTestId('lesson.demo.player');
    expect(player.dataset.demo).toBe('cold-vs-warm');
    expect(screen.queryByTestId('lesson.demo')).toBeNull();
  });
});
