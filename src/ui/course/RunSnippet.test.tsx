// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type RunBlock, RunSnippet } from './RunSnippet';

afterEach(cleanup);

const block: RunBlock = {
  kind: 'run',
  line: 1,
  id: 'hello',
  code: 'def lambda_handler(event, context):\n    return event["name"]\n',
  event: 'events/name.json',
  handler: 'lambda_function.lambda_handler',
};

describe('RunSnippet', () => {
  it('runs with the lesson event, or with the one the learner typed', () => {
    const onRun = vi.fn();
    render(<RunSnippet block={block} onRun={onRun} initialEvent='{"name": "Ada"}' />);
    fireEvent.click(screen.getByTestId('snippet.run'));
    expect(onRun).toHaveBeenLastCalledWith(block, '{"name": "Ada"}');
    fireEvent.change(screen.getByTestId('snippet.event'), { target: { value: '{"name": "Grace"}' } });
    fireEvent.click(screen.getByTestId('snippet.run'));
    expect(onRun).toHaveBeenLastCalledWith(block, '{"name": "Grace"}');
  });

  it('will not run an event that is not JSON, and says why', () => {
    render(<RunSnippet block={block} onRun={vi.fn()} initialEvent="{}" />);
    fireEvent.change(screen.getByTestId('snippet.event'), { target: { value: '{"name": ' } });
    expect(screen.getByTestId('snippet.run')).toHaveProperty('disabled', true);
    expect(screen.getByText(/The event is not JSON/)).toBeTruthy();
  });
});
