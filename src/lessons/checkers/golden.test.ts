/**
 * STYLE #8, with real Python: every exercise's solution passes all its checks, and every known mistake
 * fails the check it names with the feedback it declares. One Node runtime for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckerDeps, createLabRouter } from '../../host/router';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import type { ExerciseContent } from '../course';
import { loadLessonsOrThrow } from '../loadLessons';
import { runPredict } from './predict';
import { mistakeWorkspace, runChecks, solutionWorkspace, starterWorkspace } from './runChecks';

const course = loadLessonsOrThrow();
const exercises: ExerciseContent[] = course.lessons.flatMap((l) => l.exercises);
const router = createLabRouter();
let runtime: NodeRuntime;
let deps: CheckerDeps;

beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: router.awsCall });
  deps = { runtime, router };
}, 120_000);
afterAll(async () => {
  await runtime.close();
});

describe.each(exercises.map((e) => [e.id, e] as const))('exercise %s', (_id, ex) => {
  it('the reference solution passes every check', async () => {
    const results = await runChecks(course, ex, solutionWorkspace(ex), deps, { explain: false });
    const failed = results.filter((r) => !r.passed).map((r) => `${r.checkId}: ${r.feedback}`);
    expect(failed).toEqual([]);
    expect(results).toHaveLength(ex.spec.checks.length);
  }, 120_000);

  it('the starter does not pass yet', async () => {
    const results = await runChecks(course, ex, starterWorkspace(ex), deps, { explain: false });
    expect(results.some((r) => !r.passed)).toBe(true);
  }, 120_000);

  it.each(ex.spec.mistakes.map((m) => [m.id, m] as const))(
    'mistake %s fails its check with its feedback',
    async (_m, m) => {
      const [result] = await runChecks(course, ex, mistakeWorkspace(ex, m), deps, { only: [m.failsCheck] });
      expect(result?.checkId).toBe(m.failsCheck);
      expect(result?.passed, result?.feedback).toBe(false);
      expect(result?.feedback).toContain(m.feedback.trim());
      expect(result?.details.mistakeId).toBe(m.id);
    },
    120_000,
  );
});

describe('trace assertions use kernel names', () => {
  it('the IAM starter is caught by its aws.call AccessDenied count', async () => {
    const ex = exercises.find((e) => e.id === 'fix-access-denied');
    if (!ex) throw new Error('exercise fix-access-denied is missing');
    const [result] = await runChecks(course, ex, starterWorkspace(ex), deps, { only: ['no-access-denied'] });
    const codes = result?.details.failures.map((f) => f.code) ?? [];
    expect(codes).toContain('trace:aws.call:3');
  }, 120_000);
});

const predicts = course.lessons.flatMap((l) =>
  l.quizzes.flatMap((quiz) =>
    quiz.questions.flatMap((q) =>
      q.type === 'predict' ? [[`${l.id}/${quiz.id}/${q.id}`, l.id, q] as const] : [],
    ),
  ),
);

describe('predict questions', () => {
  it.each(predicts)(
    "%s: the simulation gives the author's answer",
    async (_name, lessonId, q) => {
      const outcome = await runPredict(course, lessonId, q, deps);
      expect({ choice: outcome.choiceId, value: outcome.value }).toEqual({
        choice: q.answer,
        value: q.choices.find((c) => c.id === q.answer)?.value,
      });
    },
    120_000,
  );
});
