// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerKey, emptyProgress, exerciseKey } from '../../store/progressSlice';
import { CompletionSummary } from './CompletionSummary';
import { CourseNav } from './CourseNav';
import { lesson, makeProgressStore, realCourse, T0, WithProgress } from './courseTesting';
import { FaqList } from './FaqList';
import { LessonView } from './LessonView';

afterEach(cleanup);

const bars = () =>
  screen
    .getAllByRole('progressbar')
    .map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-valuetext')]);

describe('CourseNav', () => {
  it('lists the lessons in sequence order with bars computed from progress', () => {
    const course = realCourse();
    const l = lesson('02-handler');
    const p = emptyProgress();
    const ex = l.exercises[0];
    const quiz = l.quizzes[0];
    if (ex === undefined || quiz === undefined) throw new Error('content');
    p.exercises[exerciseKey(l.id, ex.id)] = {
      status: 'passed',
      hintsRevealed: 0,
      revealStage: 0,
      solutionRevealedAt: null,
      solutionTokensShown: 0,
      checkRuns: 1,
      lastResults: [],
      lastCheckedAt: 1,
      firstPassedAt: 1,
      passedFiles: {},
    };
    for (const q of quiz.questions)
      p.answers[answerKey(l.id, quiz.id, q.id)] = {
        answer: [],
        correct: false,
        attempts: 1,
        answeredAt: 1,
        firstCorrectAt: null,
      };
    const onSelect = vi.fn();
    render(<CourseNav course={course} progress={p} currentLessonId="02-handler" onSelectLesson={onSelect} />);
    const items = screen.getAllByTestId('nav.lesson');
    expect(items.map((b) => b.dataset.lesson)).toEqual(course.lessons.map((x) => x.id));
    expect(items[1]?.getAttribute('aria-current')).toBe('page');
    const questions = l.quizzes.reduce((n, q) => n + q.questions.length, 0);
    const steps = l.exercises.length + questions;
    const done = 1 + quiz.questions.length;
    expect(items[1]?.textContent).toContain(`1/${l.exercises.length} exercises`);
    expect(items[1]?.textContent).toContain(`${quiz.questions.length}/${questions} questions`);
    const pct = Math.round((100 * done) / steps);
    expect(bars()).toContainEqual([`${l.meta.title} progress`, `${done} of ${steps} steps (${pct}%)`]);
    const overall = bars()[0];
    expect(overall?.[0]).toBe('Course progress');
    expect(overall?.[1]).toMatch(new RegExp(`^${done} of \\d+ steps`));
    fireEvent.click(items[3] as HTMLElement);
    expect(onSelect).toHaveBeenCalledWith(course.lessons[3]?.id);
  });

  it('moves focus with the arrow keys, Home and End', () => {
    render(
      <CourseNav
        course={realCourse()}
        progress={emptyProgress()}
        currentLessonId={null}
        onSelectLesson={() => {}}
      />,
    );
    const items = screen.getAllByTestId('nav.lesson');
    items[0]?.focus();
    fireEvent.keyDown(items[0] as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1] as HTMLElement, { key: 'End' });
    expect(document.activeElement).toBe(items.at(-1));
    fireEvent.keyDown(items.at(-1) as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0] as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items.at(-1));
  });
});

describe('LessonView', () => {
  it('renders prose and blocks, opens the lesson, and hands blocks to the lead', () => {
    const l = lesson('02-handler');
    const store = makeProgressStore();
    const onRun = vi.fn();
    const onOpen = vi.fn();
    render(
      <WithProgress store={store}>
        {(s) => (
          <LessonView
            lesson={l}
            progress={s.progress}
            actions={s}
            onRunSnippet={onRun}
            onOpenWorld={onOpen}
            renderViz={(b) => <p>viz {b.viz}</p>}
            onLoadStarter={() => {}}
            onCheckExercise={async () => []}
          />
        )}
      </WithProgress>,
    );
    expect(store.getState().progress.currentLesson).toBe('02-handler');
    expect(store.getState().progress.lessons['02-handler']?.visitedAt).toBe(T0 + 60_000);
    expect(screen.getByRole('heading', { level: 2, name: l.meta.title })).toBeTruthy();
    // 02-handler holds two snippets, a quiz, an open-in-lab and two exercises.
    const runs = l.rendered.blocks.filter((b) => b.kind === 'run');
    expect(screen.getAllByTestId('snippet.run')).toHaveLength(runs.length);
    fireEvent.click(screen.getAllByTestId('snippet.run')[0] as HTMLElement);
    expect(onRun).toHaveBeenCalledWith(runs[0], l, '{}');
    fireEvent.click(screen.getByTestId('lesson.open'));
    expect(onOpen).toHaveBeenCalledWith('hello', l);
    expect(screen.getAllByTestId('quiz.card')).toHaveLength(1);
    expect(screen.getAllByTestId('exercise.check')).toHaveLength(l.exercises.length);
    // Headings keep the ids the content pipeline gave them, for "where was I" links.
    const heading = l.rendered.headings[0];
    if (heading !== undefined) expect(document.getElementById(heading.slug)).not.toBeNull();
    fireEvent.click(screen.getByTestId('lesson.done'));
    expect(store.getState().progress.lessons['02-handler']?.completedAt).not.toBeNull();
  });

  it('lets renderBlock replace any block, and shows teaching tips only to instructors', () => {
    const withTips = realCourse().lessons.find((x) => (x.meta.teachingTips?.length ?? 0) > 0);
    if (withTips === undefined) throw new Error('content');
    const store = makeProgressStore();
    const view = (instructorMode: boolean) => (
      <WithProgress store={store}>
        {(s) => (
          <LessonView
            lesson={withTips}
            progress={s.progress}
            actions={s}
            renderBlock={(b) => <p data-testid="custom.block">{b.kind}</p>}
            onLoadStarter={() => {}}
            onCheckExercise={async () => []}
            instructorMode={instructorMode}
          />
        )}
      </WithProgress>
    );
    const { rerender } = render(view(false));
    expect(screen.queryAllByTestId('custom.block')).toHaveLength(withTips.rendered.blocks.length);
    expect(screen.queryByTestId('lesson.tips')).toBeNull();
    rerender(view(true));
    expect(screen.getByTestId('lesson.tips').textContent).toContain(withTips.meta.teachingTips?.[0] ?? '?');
  });
});

describe('CompletionSummary', () => {
  it('exports JSON and Markdown with lessons, scores and dates, and prints', () => {
    const course = realCourse();
    const store = makeProgressStore();
    const l = lesson('02-handler');
    const ex = l.exercises[0];
    if (ex === undefined) throw new Error('content');
    act(() => {
      store.getState().openLesson(l.id);
      store
        .getState()
        .recordCheck(exerciseKey(l.id, ex.id), [{ checkId: 'a', title: 'A', passed: true }], {});
      store.getState().completeLesson(l.id);
    });
    const saveFile = vi.fn();
    const print = vi.fn();
    render(
      <CompletionSummary
        course={course}
        progress={store.getState().progress}
        now={() => Date.UTC(2026, 2, 20)}
        saveFile={saveFile}
        print={print}
      />,
    );
    fireEvent.change(screen.getByLabelText('Your name (optional)'), { target: { value: 'Grace' } });
    expect(screen.getAllByTestId('summary.lesson')).toHaveLength(course.lessons.length);
    const row = screen.getAllByTestId('summary.lesson')[1] as HTMLElement;
    expect(within(row).getByText(`1 of ${l.exercises.length}`)).toBeTruthy();
    fireEvent.click(screen.getByTestId('summary.json'));
    const [name, text, mime] = saveFile.mock.calls[0] ?? [];
    expect(name).toBe('lambda-lab-summary-2026-03-20.json');
    expect(mime).toBe('application/json');
    const json = JSON.parse(String(text));
    expect(json).toMatchObject({ student: 'Grace', generatedAt: '2026-03-20T00:00:00.000Z' });
    expect(json.lessons[1]).toMatchObject({ id: l.id, completed: true });
    expect(json.lessons[1].exercises[0]).toMatchObject({ id: ex.id, status: 'passed', checkRuns: 1 });
    expect(json.lessons[1].completedAt).toBe(new Date(T0 + 3 * 60_000).toISOString());
    fireEvent.click(screen.getByTestId('summary.markdown'));
    const [mdName, md, mdMime] = saveFile.mock.calls[1] ?? [];
    expect(mdName).toBe('lambda-lab-summary-2026-03-20.md');
    expect(mdMime).toBe('text/markdown');
    expect(String(md)).toContain('Student: Grace');
    expect(String(md)).toContain(`| ${ex.spec.title} | passed | 2026-03-14 | 1 | 0 | no |`);
    fireEvent.click(screen.getByTestId('summary.print'));
    expect(print).toHaveBeenCalledOnce();
  });
});

describe('FaqList', () => {
  it('shows questions and answers, and teaching tips only in instructor mode', () => {
    const entries = realCourse().faq.entries;
    const { rerender } = render(<FaqList entries={entries} instructorMode={false} />);
    expect(screen.getAllByTestId('faq.entry')).toHaveLength(entries.length);
    expect(screen.queryAllByTestId('faq.tip')).toHaveLength(0);
    rerender(<FaqList entries={entries} instructorMode={true} lessonId="05-iam" />);
    const forLesson = entries.filter((e) => e.lessons.includes('05-iam'));
    expect(screen.getAllByTestId('faq.entry')).toHaveLength(forLesson.length);
    expect(screen.getAllByTestId('faq.tip')).toHaveLength(forLesson.length);
    expect(screen.getByText(forLesson[0]?.question ?? '?')).toBeTruthy();
  });
});
