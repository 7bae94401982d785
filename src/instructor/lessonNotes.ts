/**
 * Everything instructor mode shows beside a lesson, gathered from the content: the lesson's own notes
 * (lessons/<lesson>/instructor.yaml), its teaching tips (front matter), the FAQ entries it answers, and
 * every quiz answer with its explanation, pause points first.
 */
import { z } from 'zod';
import type { Course } from '../lessons/course';
import { type ContentError, validateYaml } from '../lessons/locate';
import type { Question, Quiz } from '../lessons/quiz';
import { LessonId } from '../lessons/schema';

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const InstructorFile = z.strictObject({
  lesson: LessonId,
  /** Talking points, in the order to make them. */
  notes: z.array(z.string().min(1)).min(1),
  /** Misconceptions to listen for, with a reply that works. */
  watchFor: z
    .array(z.strictObject({ misconception: z.string().min(1), reply: z.string().min(1) }))
    .optional(),
  /** Demos (lessons/demos/<id>.yaml) that fit this lesson. */
  demos: z.array(Slug).optional(),
});
export type InstructorFile = z.infer<typeof InstructorFile>;

export function loadInstructorFiles(files: ReadonlyMap<string, string>): {
  byLesson: Map<string, InstructorFile>;
  errors: ContentError[];
} {
  const byLesson = new Map<string, InstructorFile>();
  const errors: ContentError[] = [];
  for (const [file, text] of files) {
    const m = /^lessons\/([^/]+)\/instructor\.yaml$/.exec(file);
    if (!m) continue;
    const { value, errors: found } = validateYaml(file, text, InstructorFile);
    errors.push(...found);
    if (value === null) continue;
    if (value.lesson !== m[1])
      errors.push({ file, line: 1, message: `lesson "${value.lesson}" must match its folder "${m[1]}"` });
    byLesson.set(value.lesson, value);
  }
  return { byLesson, errors };
}

export interface QuestionAnswer {
  readonly id: string;
  readonly prompt: string;
  readonly answer: string;
  readonly explanation: string;
}

export interface QuizAnswers {
  readonly quizId: string;
  readonly title: string;
  readonly pausePoint: number | null;
  readonly questions: readonly QuestionAnswer[];
}

export interface LessonNotes {
  readonly lessonId: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly watchFor: readonly { readonly misconception: string; readonly reply: string }[];
  readonly teachingTips: readonly string[];
  readonly faq: readonly { id: string; question: string; answer: string; teachingTip: string }[];
  readonly answers: readonly QuizAnswers[];
  readonly demos: readonly string[];
}

/** The right answer in words, whatever the question type. */
export function answerText(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices
        .filter((c) => c.correct === true)
        .map((c) => c.text)
        .join('; ');
    case 'order':
      return q.items.map((i) => i.text).join(' → ');
    case 'sort':
      return q.buckets
        .map(
          (b) =>
            `${b.label}: ${q.items
              .filter((i) => i.bucket === b.id)
              .map((i) => i.text)
              .join(', ')}`,
        )
        .join(' | ');
    case 'predict':
      return q.choices.find((c) => c.id === q.answer)?.text ?? q.answer;
    default: {
      const never: never = q;
      throw new Error(`unknown question ${JSON.stringify(never)}`);
    }
  }
}

export function quizAnswers(quiz: Quiz): QuizAnswers {
  return {
    quizId: quiz.id,
    title: quiz.title,
    pausePoint: quiz.pausePoint ?? null,
    questions: quiz.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      answer: answerText(q),
      explanation: q.explanation,
    })),
  };
}

/** The pause-point quiz numbered `n` (1-4), wherever it lives. */
export function pausePointQuiz(course: Course, n: number): { lessonId: string; quiz: Quiz } | null {
  for (const lesson of course.lessons)
    for (const quiz of lesson.quizzes) if (quiz.pausePoint === n) return { lessonId: lesson.id, quiz };
  return null;
}

export function lessonNotes(
  course: Course,
  byLesson: ReadonlyMap<string, InstructorFile>,
  lessonId: string,
): LessonNotes | null {
  const lesson = course.lessons.find((l) => l.id === lessonId);
  if (!lesson) return null;
  const own = byLesson.get(lessonId);
  const answers = lesson.quizzes.map(quizAnswers);
  // Pause points first: they are what the instructor asks the room.
  answers.sort((a, b) => (a.pausePoint === null ? 1 : 0) - (b.pausePoint === null ? 1 : 0));
  return {
    lessonId,
    title: lesson.meta.title,
    notes: own?.notes ?? [],
    watchFor: own?.watchFor ?? [],
    teachingTips: lesson.meta.teachingTips ?? [],
    faq: course.faq.entries
      .filter((e) => e.lessons.includes(lessonId))
      .map(({ id, question, answer, teachingTip }) => ({ id, question, answer, teachingTip })),
    answers,
    demos: own?.demos ?? [],
  };
}
