/** Broken content is reported as `file:line: message`, so authors can jump straight to the mistake. */
import { describe, expect, it } from 'vitest';
import { loadCourse } from './loadCourse';
import { readContentFiles } from './loadLessons';
import { formatError } from './locate';

const pristine = readContentFiles();
const EXERCISE = 'lessons/02-handler/exercises/hello-structured/exercise.yaml';
const LESSON = 'lessons/02-handler/lesson.md';

function errorsAfter(edit: (files: Map<string, string>) => void): string[] {
  const files = new Map(pristine);
  edit(files);
  return loadCourse(files).errors.map(formatError);
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('content errors carry file and line', () => {
  it('reports an unknown key at its line', () => {
    const text = (pristine.get(EXERCISE) ?? '').replace('hints:', 'hintz:');
    const errors = errorsAfter((f) => f.set(EXERCISE, text));
    expect(errors).toContain(`${EXERCISE}:${lineOf(text, 'hintz:')}: unknown key "hintz"`);
  });

  it('reports an unknown key nested in a check', () => {
    const text = (pristine.get(EXERCISE) ?? '').replace(
      '    id: structured-response',
      '    id: structured-response\n    retries: 3',
    );
    const errors = errorsAfter((f) => f.set(EXERCISE, text));
    expect(
      errors.some((e) => e.startsWith(`${EXERCISE}:${lineOf(text, 'retries: 3')}: unknown key "retries"`)),
    ).toBe(true);
  });

  it('reports an unknown check kind', () => {
    const text = (pristine.get(EXERCISE) ?? '').replace('  - kind: ast', '  - kind: lint');
    const errors = errorsAfter((f) => f.set(EXERCISE, text));
    expect(
      errors.some((e) => e.startsWith(`${EXERCISE}:${lineOf(text, 'kind: lint')}:`) && e.includes('kind')),
    ).toBe(true);
  });

  it('reports a mistake that names a check that does not exist', () => {
    const text = (pristine.get(EXERCISE) ?? '').replace(
      'failsCheck: default-name',
      'failsCheck: no-such-check',
    );
    const errors = errorsAfter((f) => f.set(EXERCISE, text));
    expect(errors).toContain(
      `${EXERCISE}:${lineOf(text, 'no-such-check')}: no check "no-such-check" in this exercise`,
    );
  });

  it('reports a missing starter file', () => {
    const errors = errorsAfter((f) =>
      f.delete('lessons/02-handler/exercises/hello-structured/starter/lambda_function.py'),
    );
    expect(
      errors.some((e) => e.startsWith(EXERCISE) && e.includes('starter/lambda_function.py is missing')),
    ).toBe(true);
  });

  it('reports a mistake file identical to the solution', () => {
    const dir = 'lessons/02-handler/exercises/hello-structured';
    const errors = errorsAfter((f) =>
      f.set(`${dir}/mistakes/key_error.py`, f.get(`${dir}/solution/lambda_function.py`) ?? ''),
    );
    expect(
      errors.some((e) => e.includes('mistakes/key_error.py is the same as solution/lambda_function.py')),
    ).toBe(true);
  });

  it('reports front matter errors with lines counted from the top of lesson.md', () => {
    const text = (pristine.get(LESSON) ?? '').replace('minutes: 25', 'minutes: 25\ndifficulty: easy');
    const errors = errorsAfter((f) => f.set(LESSON, text));
    expect(errors).toContain(`${LESSON}:${lineOf(text, 'difficulty:')}: unknown key "difficulty"`);
  });

  it('reports a bad interactive block at its fence line', () => {
    const text = (pristine.get(LESSON) ?? '').replace(
      '```lab-quiz id=pp-event-shapes',
      '```lab-quiz id=pp-event-shapes colour=red',
    );
    const errors = errorsAfter((f) => f.set(LESSON, text));
    expect(errors).toContain(`${LESSON}:${lineOf(text, 'colour=red')}: lab-quiz: unknown attribute "colour"`);
  });

  it('reports a block that points at a missing quiz', () => {
    const text = (pristine.get(LESSON) ?? '').replace(
      '```lab-quiz id=pp-event-shapes',
      '```lab-quiz id=nope',
    );
    const errors = errorsAfter((f) => f.set(LESSON, text));
    expect(errors).toContain(`${LESSON}:${lineOf(text, 'lab-quiz id=nope')}: no quiz "nope" in quizzes.yaml`);
  });

  it('reports a trace name the kernel does not emit at its line', () => {
    const file = 'lessons/05-iam/exercises/fix-access-denied/exercise.yaml';
    const text = (pristine.get(file) ?? '').replace('name: aws.call', 'name: iam.access.denied');
    const errors = errorsAfter((f) => f.set(file, text));
    expect(errors).toContain(
      `${file}:${lineOf(text, 'iam.access.denied')}: checks[3].assert[1].name: unknown trace name "iam.access.denied"; iam names: iam.role.created, iam.policy.changed`,
    );
  });

  it('reports YAML syntax errors with their line', () => {
    const quiz = 'lessons/02-handler/quizzes.yaml';
    const text = `${pristine.get(quiz) ?? ''}\n  - id: [unclosed\n`;
    const errors = errorsAfter((f) => f.set(quiz, text));
    expect(errors.some((e) => /^lessons\/02-handler\/quizzes\.yaml:\d+: YAML: /.test(e))).toBe(true);
  });

  it('reports predict questions whose actions name things the world lacks', () => {
    const quiz = 'lessons/06-event-sources/quizzes.yaml';
    const text = (pristine.get(quiz) ?? '').replace('queue: jobs, bodies', 'queue: jobz, bodies');
    const errors = errorsAfter((f) => f.set(quiz, text));
    expect(errors.some((e) => e.startsWith(`${quiz}:`) && e.includes('no queue named "jobz"'))).toBe(true);
  });

  it('reports coverage references that do not resolve', () => {
    const cov = 'lessons/coverage.yaml';
    const text = (pristine.get(cov) ?? '').replace(
      'section: 04-configuration#timeout',
      'section: 04-configuration#timeouts',
    );
    const errors = errorsAfter((f) => f.set(cov, text));
    expect(errors).toContain(
      `${cov}:${lineOf(text, '#timeouts')}: lesson "04-configuration" has no heading with slug "timeouts"`,
    );
  });
});
