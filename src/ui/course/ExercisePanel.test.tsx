// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExerciseContent } from '../../lessons/course';
import { type ExerciseCheckResult, exerciseKey } from '../../store/progressSlice';
import { exercise, makeProgressStore, WithProgress } from './courseTesting';
import { ExercisePanel } from './ExercisePanel';

afterEach(cleanup);

function mount(
  ex: ExerciseContent,
  onCheck: () => Promise<readonly ExerciseCheckResult[]>,
  files?: Record<string, string>,
) {
  const store = makeProgressStore();
  const onLoadStarter = vi.fn();
  render(
    <WithProgress store={store}>
      {(s) => (
        <ExercisePanel
          exercise={ex}
          progress={s.progress.exercises[exerciseKey(ex.lessonId, ex.id)]}
          actions={s}
          onLoadStarter={onLoadStarter}
          onCheck={onCheck}
          learnerFiles={files}
        />
      )}
    </WithProgress>,
  );
  const state = () => store.getState().progress.exercises[exerciseKey(ex.lessonId, ex.id)];
  return { store, state, onLoadStarter };
}

const ex = () => exercise('02-handler', 'hello-structured');
const click = (id: string) => fireEvent.click(screen.getByTestId(id));

describe('ExercisePanel', () => {
  it('shows the goal and checklist and loads the starter', () => {
    const { state, onLoadStarter } = mount(ex(), async () => []);
    expect(screen.getByRole('heading', { name: ex().spec.title })).toBeTruthy();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(ex().spec.requirements.length);
    click('exercise.starter');
    expect(onLoadStarter).toHaveBeenCalledWith(ex());
    expect(state()?.status).toBe('in-progress');
    expect(screen.getByTestId('exercise.status').textContent).toBe('In progress');
  });

  it('steps through hints one at a time with "Hint N of M"', () => {
    const { state } = mount(ex(), async () => []);
    const total = ex().spec.hints.length;
    expect(screen.queryAllByTestId('hint.text')).toHaveLength(0);
    expect(screen.getByTestId('hint.next').textContent).toContain(`(1 of ${total})`);
    click('hint.next');
    expect(screen.getAllByTestId('hint.counter').map((e) => e.textContent)).toEqual([`Hint 1 of ${total}`]);
    click('hint.next');
    expect(screen.getAllByTestId('hint.counter').at(-1)?.textContent).toBe(`Hint 2 of ${total}`);
    for (let i = 2; i < total; i++) click('hint.next');
    expect(screen.queryByTestId('hint.next')).toBeNull();
    expect(screen.getByText('That was the last hint.')).toBeTruthy();
    expect(state()?.hintsRevealed).toBe(total);
  });

  it('reveals the solution only after every hint and each confirmation; "no" goes back', () => {
    const e = ex();
    const { state } = mount(e, async () => []);
    const { confirmations, afterHints, mode } = e.spec.solution.reveal;
    expect(afterHints).toBe(true);
    expect(screen.getByTestId('solution.show')).toHaveProperty('disabled', true);
    for (let i = 0; i < e.spec.hints.length; i++) click('hint.next');
    click('solution.show');
    expect(document.activeElement).toBe(screen.getByTestId('solution.prompt'));
    click('solution.cancel');
    expect(screen.queryByTestId('solution.prompt')).toBeNull();
    expect(state()?.revealStage).toBe(0);
    click('solution.show');
    for (let i = 1; i < confirmations; i++) {
      click('solution.confirm');
      expect(screen.queryByTestId('solution.view')).toBeNull();
    }
    click('solution.confirm');
    expect(screen.getByTestId('solution.view')).toBeTruthy();
    expect(state()?.solutionRevealedAt).not.toBeNull();
    const solution = e.solution['lambda_function.py'] ?? '';
    const code = () => screen.getByTestId('solution.code').textContent ?? '';
    expect(mode).toBe('token-by-token');
    expect(code()).not.toContain('def');
    click('solution.more');
    const shownWords = (code().match(/\S+/g) ?? []).filter((w) => !/^·+$/.test(w));
    expect(shownWords).toEqual((solution.match(/\S+/g) ?? []).slice(0, 5));
    click('solution.all');
    expect(code()).toBe(solution);
    expect(screen.getByText(/event.get/, { selector: '.course-explanation *' })).toBeTruthy();
  });

  it('shows check results as a checklist with feedback, then passes and diffs against the solution', async () => {
    const e = ex();
    const solution = e.solution['lambda_function.py'] ?? '';
    const mine = solution.replace(/^import json\n/m, 'import json\nimport os\n');
    let results: ExerciseCheckResult[] = [
      { checkId: 'handler-defined', title: 'lambda_handler is defined', passed: true },
      {
        checkId: 'structured-response',
        title: 'Structured response',
        passed: false,
        feedback: 'Wrap it in `json.dumps`',
      },
    ];
    const { state } = mount(e, async () => results, { 'lambda_function.py': mine });
    await act(async () => click('exercise.check'));
    const items = screen.getAllByTestId('exercise.result');
    expect(items.map((li) => li.dataset.passed)).toEqual(['true', 'false']);
    expect(items[1]?.textContent).toContain('Failed:');
    expect(items[1]?.textContent).toContain('Wrap it in json.dumps');
    expect(screen.getByTestId('exercise.results').textContent).toContain('1 of 2 checks passed.');
    // The times checks judge are modeled (counted work), and the panel says so.
    expect(screen.getByTestId('exercise.timeModel').textContent).toMatch(
      /modeled and the same on any machine/,
    );
    expect(screen.queryByTestId('diff.view')).toBeNull();
    results = results.map((r) => ({ ...r, passed: true }));
    await act(async () => click('exercise.check'));
    expect(screen.getByTestId('exercise.results').textContent).toContain('Every check passed.');
    expect(screen.getByTestId('exercise.status').textContent).toBe('Passed');
    expect(state()).toMatchObject({
      status: 'passed',
      checkRuns: 2,
      passedFiles: { 'lambda_function.py': mine },
    });
    expect(screen.getAllByTestId('diff.del').map((d) => d.textContent)).toEqual(['- import os\n']);
    expect(screen.queryAllByTestId('diff.add')).toHaveLength(0);
    expect(screen.getByTestId('diff.stats').textContent).toBe('1 line only in yours, 0 only in the solution');
  });

  it('reports a check run that fails to start and keeps the button usable', async () => {
    mount(ex(), () => Promise.reject(new Error('Python is still loading')));
    await act(async () => click('exercise.check'));
    expect(screen.getByTestId('exercise.results').textContent).toContain('Python is still loading');
    expect(screen.getByTestId('exercise.check')).toHaveProperty('disabled', false);
  });
});
