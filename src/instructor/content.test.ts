/** The instructor content under lessons/ (plan, demos, per-lesson notes) loads and cross-checks. */
import { describe, expect, it } from 'vitest';
import { loadLessonsOrThrow, readContentFiles } from '../lessons/loadLessons';
import { checkInstructorContent } from './contentCheck';
import { loadDemos } from './demoFiles';
import { lessonNotes, loadInstructorFiles } from './lessonNotes';
import { PLAN_PATH, parsePlan } from './plan';

const files = readContentFiles();
const course = loadLessonsOrThrow();

describe('instructor content', () => {
  const { plan, errors: planErrors } = parsePlan(files.get(PLAN_PATH) ?? '');
  const { demos, errors: demoErrors } = loadDemos(files);
  const { byLesson, errors: noteErrors } = loadInstructorFiles(files);

  it('parses: plan, demos and every instructor.yaml', () => {
    expect([...planErrors, ...demoErrors, ...noteErrors]).toEqual([]);
    expect(plan).not.toBeNull();
  });

  it('is a 90-minute plan whose references all exist and that covers every lesson, demo and pause point', () => {
    if (!plan) throw new Error('no plan');
    expect(plan.minutes).toBe(90);
    expect(plan.segments.reduce((n, s) => n + s.minutes, 0)).toBe(90);
    expect(checkInstructorContent(course, plan, demos, byLesson)).toEqual([]);
  });

  it('gathers a lesson’s notes, tips, FAQ and every quiz answer, pause points first', () => {
    const notes = lessonNotes(course, byLesson, '05-iam');
    expect(notes?.notes.length).toBeGreaterThan(0);
    expect(notes?.answers[0]?.pausePoint).toBe(3);
    expect(notes?.faq.map((f) => f.id)).toContain('secrets');
    const all = notes?.answers.flatMap((a) => a.questions.map((q) => q.answer)) ?? [];
    expect(all.every((a) => a.length > 0)).toBe(true);
  });
});

describe('content errors are specific', () => {
  it('a plan whose minutes do not add up names the rule', () => {
    const text = [
      'title: t',
      'minutes: 90',
      'segments:',
      '  - { id: a, title: A, minutes: 10, lessons: [01-serverless], points: [p], notes: n }',
    ].join('\n');
    const { plan, errors } = parsePlan(text);
    expect(plan).toBeNull();
    expect(errors.map((e) => e.message)).toEqual(['the segments must add up to the plan’s minutes']);
  });

  it('a demo naming a function its world lacks is refused with the step', () => {
    const demo = files.get('lessons/demos/hello-world.yaml') ?? '';
    const broken = new Map(files);
    broken.set(
      'lessons/demos/hello-world.yaml',
      demo.replace('function: hello, event: { json: { name: Ada } }', 'function: nope, event: { json: {} }'),
    );
    const { errors } = loadDemos(broken);
    expect(errors.map((e) => e.message)).toContain(
      'steps[1] (First invoke): no function "nope" in the demo\'s world',
    );
  });

  it('an unknown key in a demo step is an error with its line', () => {
    const broken = new Map(files);
    broken.set(
      'lessons/demos/hello-world.yaml',
      `${files.get('lessons/demos/hello-world.yaml')}\n    colour: red\n`,
    );
    const { errors } = loadDemos(broken);
    expect(errors[0]?.message).toMatch(/unknown key "colour"/);
    expect(errors[0]?.line).toBeGreaterThan(1);
  });
});
