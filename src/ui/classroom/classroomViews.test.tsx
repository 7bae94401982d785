// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicQuestion } from '../../classroom/protocol';
import { multiple, single, sort } from '../../classroom/testQuestions';
import { Histogram } from './Histogram';
import { RevealView } from './RevealView';
import { StudentQuestion } from './StudentQuestion';

afterEach(cleanup);

const histogram = {
  seq: 1,
  buckets: [
    { id: 'warm', label: 'The warm one', count: 3, correct: true },
    { id: 'new', label: 'A new one', count: 1, correct: false },
  ],
  answered: 4,
  joined: 5,
  connected: 4,
  correctCount: 3,
};

describe('classroom.views', () => {
  it('classroom.views.histogram: counts in words and the answer marked in text, not colour alone', () => {
    render(<Histogram histogram={histogram} />);
    const bars = screen.getAllByTestId('classroom.bar');
    expect(bars.map((b) => b.getAttribute('data-count'))).toEqual(['3', '1']);
    expect(within(bars[0] as HTMLElement).getByText('✓ the answer')).toBeTruthy();
    expect(screen.getByTestId('classroom.answered').textContent).toBe('4');
    expect(screen.getByTestId('classroom.correct-count').textContent).toBe('3');
  });

  it('classroom.views.choice: the course inputs, send once complete, change until the reveal', () => {
    const onSend = vi.fn();
    const { rerender } = render(
      <StudentQuestion
        seq={1}
        question={publicQuestion(multiple)}
        sent={null}
        onSend={onSend}
        disabled={false}
      />,
    );
    const send = screen.getByTestId('classroom.send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('A burst'));
    fireEvent.click(screen.getByLabelText('A long handler'));
    fireEvent.click(send);
    expect(onSend).toHaveBeenCalledWith(['burst', 'long']);
    rerender(
      <StudentQuestion
        seq={1}
        question={publicQuestion(multiple)}
        sent={['burst', 'long']}
        onSend={onSend}
        disabled={false}
      />,
    );
    expect(screen.getByTestId('classroom.sent').textContent).toContain('Answer sent');
    expect((screen.getByTestId('classroom.send') as HTMLButtonElement).textContent).toBe('Change my answer');
  });

  it('classroom.views.sort: every item must be placed before sending', () => {
    const onSend = vi.fn();
    render(
      <StudentQuestion
        seq={2}
        question={publicQuestion(sort)}
        sent={null}
        onSend={onSend}
        disabled={false}
      />,
    );
    const send = screen.getByTestId('classroom.send') as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText('SNS'), { target: { value: 'push' } });
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('SQS'), { target: { value: 'poll' } });
    fireEvent.click(send);
    expect(onSend).toHaveBeenCalledWith({ sns: 'push', sqs: 'poll' });
  });

  it('classroom.views.reveal: the verdict, the student’s answer and the right one in words', () => {
    render(
      <RevealView seq={1} question={single} yourAnswer={['new']} yourCorrect={false} histogram={histogram} />,
    );
    const verdict = screen.getByTestId('classroom.verdict');
    expect(verdict.getAttribute('data-correct')).toBe('false');
    expect(verdict.textContent).toContain('Not quite');
    expect(verdict.textContent).toContain('A new one');
    expect(screen.getByTestId('classroom.reveal').textContent).toContain('The answer: The warm one');
  });
});
