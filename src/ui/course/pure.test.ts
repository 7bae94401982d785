// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { gradeQuestion, seededShuffle } from '../../lessons/grade';
import { answerKey, emptyProgress, exerciseKey } from '../../store/progressSlice';
import { courseStats, lessonStats, percent } from './courseStats';
import { lesson, realCourse } from './courseTesting';
import { diffLines, diffStats } from './lineDiff';
import { maskSolution, tokenCount } from './solutionTokens';
import { buildSummary, SUMMARY_FORMAT, summaryToJson, summaryToMarkdown } from './summary';

describe('seededShuffle', () => {
  it('is repeatable and never returns the answer order', () => {
    const items = ['a', 'b', 'c', 'd'];
    expect(seededShuffle(items, 'q1')).toEqual(seededShuffle(items, 'q1'));
    for (const seed of ['q1', 'q2', 'x', 'low-traffic-api', 'a-b'])
      expect(seededShuffle(items, seed)).not.toEqual(items);
    expect(seededShuffle(['a', 'b'], 'z')).toEqual(['b', 'a']);
    expect([...seededShuffle(items, 'q1')].sort()).toEqual(items);
  });
});

describe('gradeQuestion on the real course', () => {
  it('grades every question type right and wrong', () => {
    const all = realCourse().lessons.flatMap((l) => l.quizzes.flatMap((q) => q.questions));
    const seen = new Set<string>();
    for (const q of all) {
      seen.add(q.type);
      if (q.type === 'single' || q.type === 'multiple') {
        const right = q.choices.filter((c) => c.correct === true).map((c) => c.id);
        const wrong = q.choices.filter((c) => c.correct !== true).map((c) => c.id);
        expect(gradeQuestion(q, right)).toBe(true);
        expect(gradeQuestion(q, [...right, ...wrong.slice(0, 1)])).toBe(wrong.length === 0);
        if (q.type === 'multiple' && right.length > 1) expect(gradeQuestion(q, right.slice(1))).toBe(false);
      } else if (q.type === 'predict') {
        expect(gradeQuestion(q, [q.answer])).toBe(true);
        expect(gradeQuestion(q, [q.choices.find((c) => c.id !== q.answer)?.id ?? ''])).toBe(false);
      } else if (q.type === 'order') {
        const ids = q.items.map((i) => i.id);
        expect(gradeQuestion(q, ids)).toBe(true);
        expect(gradeQuestion(q, seededShuffle(ids, q.id))).toBe(false);
      } else {
        const right = Object.fromEntries(q.items.map((i) => [i.id, i.bucket]));
        expect(gradeQuestion(q, right)).toBe(true);
        const first = q.items[0];
        const other = q.buckets.find((b) => b.id !== first?.bucket)?.id ?? '';
        expect(gradeQuestion(q, { ...right, [first?.id ?? '']: other })).toBe(false);
        expect(gradeQuestion(q, [])).toBe(false);
      }
    }
    expect([...seen].sort()).toEqual(['multiple', 'order', 'predict', 'single', 'sort']);
  });
});

describe('diffLines', () => {
  it('finds the longest common lines and marks the rest', () => {
    const lines = diffLines('a\nb\nc\nd\n', 'a\nc\nx\nd\n');
    expect(lines.map((l) => `${l.op}:${l.text}`)).toEqual(['same:a', 'del:b', 'same:c', 'add:x', 'same:d']);
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1 });
    expect(lines[3]).toEqual({ op: 'add', text: 'x', newNo: 3 });
  });

  it('handles identical, empty and CRLF files', () => {
    expect(diffStats(diffLines('x\r\ny\r\n', 'x\ny'))).toEqual({ added: 0, removed: 0 });
    expect(diffLines('', 'a\n')).toEqual([{ op: 'add', text: 'a', newNo: 1 }]);
    expect(diffLines('a', '')).toEqual([{ op: 'del', text: 'a', oldNo: 1 }]);
  });

  it('puts deletions before additions in a changed run', () => {
    expect(diffLines('a\nold\nz', 'a\nnew\nz').map((l) => l.op)).toEqual(['same', 'del', 'add', 'same']);
  });
});

describe('token-by-token reveal', () => {
  it('masks the words not yet shown, keeping the layout', () => {
    const code = 'def f(x):\n    return x\n';
    expect(tokenCount(code)).toBe(4);
    expect(maskSolution(code, 1)).toBe('def ·····\n    ······ ·\n');
    expect(maskSolution(code, 4)).toBe(code);
  });
});

describe('progress stats', () => {
  it('counts passed exercises and answered questions per lesson and overall', () => {
    const l = lesson('02-handler');
    const p = emptyProgress();
    const before = lessonStats(l, p);
    expect(before.exercisesTotal).toBe(l.exercises.length);
    expect(before.done).toBe(0);
    const ex = l.exercises[0];
    const quiz = l.quizzes[0];
    const [q1, q2] = quiz?.questions ?? [];
    if (ex === undefined || quiz === undefined || q1 === undefined || q2 === undefined)
      throw new Error('content');
    p.exercises[exerciseKey(l.id, ex.id)] = {
      ...(p.exercises[exerciseKey(l.id, ex.id)] ?? {
        hintsRevealed: 0,
        revealStage: 0,
        solutionRevealedAt: null,
        solutionTokensShown: 0,
        checkRuns: 1,
        lastResults: [],
        lastCheckedAt: 1,
        firstPassedAt: 1,
        passedFiles: {},
      }),
      status: 'passed',
    };
    const a = { attempts: 1, answeredAt: 1, firstCorrectAt: null };
    p.answers[answerKey(l.id, quiz.id, q1.id)] = { ...a, answer: ['x'], correct: false };
    p.answers[answerKey(l.id, quiz.id, q2.id)] = { ...a, answer: ['y'], correct: true, firstCorrectAt: 1 };
    const s = lessonStats(l, p);
    expect(s).toMatchObject({ exercisesPassed: 1, questionsAnswered: 2, questionsCorrect: 1, done: 3 });
    expect(s.completed).toBe(false);
    const c = courseStats(realCourse(), p);
    expect(c.done).toBe(3);
    expect(c.total).toBe([...c.lessons.values()].reduce((n, x) => n + x.total, 0));
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });

  it('a lesson marked done is complete', () => {
    const p = emptyProgress();
    p.lessons['01-serverless'] = { visitedAt: 1, completedAt: 2 };
    expect(lessonStats(lesson('01-serverless'), p).completed).toBe(true);
  });
});

describe('completion summary', () => {
  it('lists every lesson with exercises, quiz scores and dates, as JSON and Markdown', () => {
    const course = realCourse();
    const l = lesson('02-handler');
    const ex = l.exercises[0];
    const quiz = l.quizzes[0];
    const q = quiz?.questions[0];
    if (ex === undefined || quiz === undefined || q === undefined) throw new Error('content');
    const p = emptyProgress();
    const day = Date.UTC(2026, 2, 14, 10);
    p.lessons[l.id] = { visitedAt: day, completedAt: day };
    p.exercises[exerciseKey(l.id, ex.id)] = {
      status: 'passed',
      hintsRevealed: 2,
      revealStage: 0,
      solutionRevealedAt: null,
      solutionTokensShown: 0,
      checkRuns: 3,
      lastResults: [],
      lastCheckedAt: day,
      firstPassedAt: day,
      passedFiles: {},
    };
    p.answers[answerKey(l.id, quiz.id, q.id)] = {
      answer: ['a'],
      correct: true,
      attempts: 1,
      answeredAt: day,
      firstCorrectAt: day,
    };
    const s = buildSummary(course, p, Date.UTC(2026, 2, 15), 'Ada');
    expect(s.lessons.map((x) => x.id)).toEqual(course.lessons.map((x) => x.id));
    const json = JSON.parse(summaryToJson(s));
    expect(json.format).toBe(SUMMARY_FORMAT);
    expect(json.student).toBe('Ada');
    expect(json.totals.exercisesPassed).toBe(1);
    expect(json.totals.questionsCorrect).toBe(1);
    const lj = json.lessons[1];
    expect(lj.completedAt).toBe('2026-03-14T10:00:00.000Z');
    expect(lj.exercises[0]).toMatchObject({ id: ex.id, status: 'passed', checkRuns: 3, hintsUsed: 2 });
    expect(lj.quizzes[0]).toMatchObject({
      id: quiz.id,
      correct: 1,
      answered: 1,
      total: quiz.questions.length,
    });
    const md = summaryToMarkdown(s);
    expect(md).toContain(`# ${course.title}: completion summary`);
    expect(md).toContain('Student: Ada');
    expect(md).toContain(`## ${l.meta.title} (${l.id})`);
    expect(md).toContain(`| ${ex.spec.title} | passed | 2026-03-14 | 3 | 2 | no |`);
    expect(md).toContain(`| 1 of ${quiz.questions.length} | 1 | 2026-03-14 |`);
    expect(md).toContain('- Exercises passed: 1 of');
  });
});
