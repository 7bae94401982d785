// @vitest-environment jsdom

import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Question, Quiz } from '../../lessons/quiz';
import { answerKey } from '../../store/progressSlice';
import { makeProgressStore, questionOfType, WithProgress } from './courseTesting';
import type { PredictReveal } from './QuestionView';
import { QuizCard } from './QuizCard';
import { plainText } from './SafeHtml';

afterEach(cleanup);

/** A quiz of just this question, so the screen holds one question. */
function mountQuestion(
  lessonId: string,
  quiz: Quiz,
  question: Question,
  onReveal?: () => Promise<PredictReveal>,
  renderReplay?: () => ReactNode,
) {
  const store = makeProgressStore();
  const one: Quiz = { ...quiz, questions: [question] };
  render(
    <WithProgress store={store}>
      {(s) => (
        <QuizCard
          lessonId={lessonId}
          quiz={one}
          answers={s.progress.answers}
          onAnswer={s.answerQuestion}
          onReveal={onReveal}
          renderReplay={renderReplay}
        />
      )}
    </WithProgress>,
  );
  const stored = () => store.getState().progress.answers[answerKey(lessonId, quiz.id, question.id)];
  return { store, stored };
}

const result = () => screen.getByTestId('quiz.result').textContent ?? '';
const check = () => fireEvent.click(screen.getByTestId('quiz.answer'));
const retry = () => fireEvent.click(screen.getByTestId('quiz.retry'));
const pick = (text: string) => fireEvent.click(screen.getByLabelText(plainText(text)));

describe('QuizCard', () => {
  it('single choice: a wrong pick shows why and the explanation, try again, then right', () => {
    const { quiz, question } = questionOfType('02-handler', 'single');
    const { stored } = mountQuestion('02-handler', quiz, question);
    const right = question.choices.find((c) => c.correct === true);
    const wrong = question.choices.find((c) => c.correct !== true && c.why !== undefined);
    if (right === undefined || wrong === undefined) throw new Error('content');
    expect(screen.getByTestId('quiz.answer')).toHaveProperty('disabled', true);
    pick(wrong.text);
    check();
    expect(result()).toContain('Not quite.');
    expect(result()).toContain(plainText(wrong.why ?? ''));
    expect(result()).toContain(plainText(question.explanation).slice(0, 30));
    expect(stored()).toMatchObject({ correct: false, attempts: 1, answer: [wrong.id] });
    retry();
    pick(right.text);
    check();
    expect(result()).toContain('Correct.');
    expect(stored()).toMatchObject({ correct: true, attempts: 2 });
    expect(screen.getByTestId('quiz.score').textContent).toBe('1 of 1 correct');
  });

  it('multiple choice: missing one correct choice is wrong, all of them is right', () => {
    const { quiz, question } = questionOfType('02-handler', 'multiple');
    const { stored } = mountQuestion('02-handler', quiz, question);
    const rights = question.choices.filter((c) => c.correct === true);
    for (const c of rights.slice(1)) pick(c.text);
    check();
    expect(result()).toContain('Not quite.');
    retry();
    for (const c of rights) pick(c.text);
    check();
    expect(result()).toContain('Correct.');
    expect(stored()?.answer).toEqual(rights.map((c) => c.id));
  });

  it('order: moved into place with the keyboard buttons only, focus follows the item', () => {
    const { quiz, question } = questionOfType('07-cold-starts', 'order');
    const { stored } = mountQuestion('07-cold-starts', quiz, question);
    const current = () => screen.getAllByTestId('quiz.order.item').map((li) => li.dataset.item ?? '');
    expect(current()).not.toEqual(question.items.map((i) => i.id));
    check();
    expect(result()).toContain('Not quite.');
    expect(result()).toMatch(/\d of \d in the right place/);
    retry();
    // Selection sort through "Move up" buttons, as a keyboard user would press them.
    question.items.forEach((item, target) => {
      let at = current().indexOf(item.id);
      while (at > target) {
        const button = screen.getByRole('button', { name: `Move "${plainText(item.text)}" up` });
        fireEvent.click(button);
        at--;
        expect(document.activeElement?.closest('li')?.dataset.item).toBe(item.id);
      }
    });
    expect(current()).toEqual(question.items.map((i) => i.id));
    check();
    expect(result()).toContain('Correct.');
    expect(stored()).toMatchObject({ correct: true, attempts: 2 });
  });

  it('sort: each item has a labelled select; a wrong bucket is marked', () => {
    const { quiz, question } = questionOfType('02-handler', 'sort');
    const { stored } = mountQuestion('02-handler', quiz, question);
    const selectFor = (text: string) => screen.getByLabelText(plainText(text)) as HTMLSelectElement;
    const [first, ...rest] = question.items;
    if (first === undefined) throw new Error('content');
    const other = question.buckets.find((b) => b.id !== first.bucket)?.id ?? '';
    fireEvent.change(selectFor(first.text), { target: { value: other } });
    expect(screen.getByTestId('quiz.answer')).toHaveProperty('disabled', true);
    for (const i of rest) fireEvent.change(selectFor(i.text), { target: { value: i.bucket } });
    check();
    expect(result()).toContain('Not quite.');
    expect(result()).toContain(`${rest.length} of ${question.items.length} sorted correctly`);
    expect(selectFor(first.text).closest('li')?.dataset.mark).toBe('wrong');
    retry();
    for (const i of question.items) fireEvent.change(selectFor(i.text), { target: { value: i.bucket } });
    check();
    expect(result()).toContain('Correct.');
    expect(stored()?.answer).toEqual(Object.fromEntries(question.items.map((i) => [i.id, i.bucket])));
  });

  it('predict: runs the simulation, shows pending, then the measured answer', async () => {
    const { quiz, question } = questionOfType('03-execution-environment', 'predict');
    const answer = question.choices.find((c) => c.id === question.answer);
    const wrong = question.choices.find((c) => c.id !== question.answer);
    if (answer === undefined || wrong === undefined) throw new Error('content');
    let finish: (r: PredictReveal) => void = () => {};
    const onReveal = vi.fn(() => new Promise<PredictReveal>((r) => (finish = r)));
    const replay = () => <p data-testid="replay">timeline</p>;
    const { stored } = mountQuestion('03-execution-environment', quiz, question, onReveal, replay);
    pick(wrong.text);
    check();
    expect(screen.queryByTestId('replay')).toBeNull();
    expect(onReveal).toHaveBeenCalledOnce();
    expect(screen.getByTestId('quiz.answer').textContent).toBe('Running the simulation…');
    expect(screen.getByTestId('quiz.answer')).toHaveProperty('disabled', true);
    await act(async () => finish({ value: answer.value }));
    expect(result()).toContain('Not quite.');
    expect(within(screen.getByTestId('quiz.measured')).getByText(answer.text)).toBeTruthy();
    // The promised timeline follows the measured value.
    expect(screen.getByTestId('replay')).toBeTruthy();
    expect(stored()).toMatchObject({ correct: false, answer: [wrong.id] });
    retry();
    pick(answer.text);
    check();
    await act(async () => finish({ value: answer.value }));
    expect(result()).toContain('Correct.');
    expect(stored()).toMatchObject({ correct: true, attempts: 2 });
  });

  it('predict: a failed run is reported and nothing is recorded', async () => {
    const { quiz, question } = questionOfType('03-execution-environment', 'predict');
    const onReveal = vi.fn(() => Promise.reject(new Error('worker gone')));
    const { stored } = mountQuestion('03-execution-environment', quiz, question, onReveal);
    pick(question.choices[0]?.text ?? '');
    await act(async () => check());
    expect(result()).toContain('worker gone');
    expect(stored()).toBeUndefined();
    expect(screen.getByTestId('quiz.answer')).toHaveProperty('disabled', false);
  });

  it('shows a stored answer as answered when it mounts again', () => {
    const { quiz, question } = questionOfType('02-handler', 'single');
    const { store } = mountQuestion('02-handler', quiz, question);
    const right = question.choices.find((c) => c.correct === true);
    pick(right?.text ?? '');
    check();
    cleanup();
    render(
      <QuizCard
        lessonId="02-handler"
        quiz={{ ...quiz, questions: [question] }}
        answers={store.getState().progress.answers}
        onAnswer={() => {}}
      />,
    );
    expect(result()).toContain('Correct.');
    expect(screen.getByTestId('quiz.retry')).toBeTruthy();
  });
});
