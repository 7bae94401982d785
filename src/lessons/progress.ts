/**
 * Learner progress, per exercise and per lesson: state shape and schema only (the store persists it
 * with a schema version; the UI comes later). Keys are `<lesson-id>/<exercise-id>` and lesson ids.
 */
import { z } from 'zod';

export const PROGRESS_VERSION = 1;

export const CheckResult = z.strictObject({
  status: z.enum(['pass', 'fail', 'error']),
  /** The matched mistake's feedback, or the check's own failure message. */
  message: z.string().optional(),
});

export const ExerciseProgress = z.strictObject({
  status: z.enum(['not-started', 'in-progress', 'passed']),
  /** How many hints are shown (they are revealed one at a time). */
  hintsRevealed: z.int().min(0),
  /** 0 = hidden; each confirmation step moves it on; `revealed` once the solution is visible. */
  solutionReveal: z.union([z.strictObject({ stage: z.int().min(0) }), z.literal('revealed')]),
  /** Tokens revealed so far in a token-by-token reveal. */
  solutionTokensShown: z.int().min(0),
  runs: z.int().min(0),
  checkRuns: z.int().min(0),
  lastResults: z.record(z.string(), CheckResult),
  firstPassedAt: z.number().nullable(),
  /** The learner's files when the checks first passed, for the diff against the solution. */
  passedFiles: z.record(z.string(), z.string()).nullable(),
});
export type ExerciseProgress = z.infer<typeof ExerciseProgress>;

export const QuestionAnswer = z.strictObject({
  /** Choice ids (single, multiple, predict), ordered item ids (order), item -> bucket (sort). */
  answer: z.union([z.array(z.string()), z.record(z.string(), z.string())]),
  correct: z.boolean(),
  attempts: z.int().min(1),
});

export const LessonProgress = z.strictObject({
  visited: z.boolean(),
  /** Heading slugs scrolled past, for "where was I". */
  sectionsSeen: z.array(z.string()),
  /** `<quiz-id>/<question-id>` -> the latest answer. */
  answers: z.record(z.string(), QuestionAnswer),
  completedAt: z.number().nullable(),
});
export type LessonProgress = z.infer<typeof LessonProgress>;

export const CourseProgress = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  currentLesson: z.string().nullable(),
  lessons: z.record(z.string(), LessonProgress),
  exercises: z.record(z.string(), ExerciseProgress),
});
export type CourseProgress = z.infer<typeof CourseProgress>;

export function emptyProgress(): CourseProgress {
  return { version: PROGRESS_VERSION, currentLesson: null, lessons: {}, exercises: {} };
}

export function emptyExerciseProgress(): ExerciseProgress {
  return {
    status: 'not-started',
    hintsRevealed: 0,
    solutionReveal: { stage: 0 },
    solutionTokensShown: 0,
    runs: 0,
    checkRuns: 0,
    lastResults: {},
    firstPassedAt: null,
    passedFiles: null,
  };
}

export function emptyLessonProgress(): LessonProgress {
  return { visited: false, sectionsSeen: [], answers: {}, completedAt: null };
}

export const exerciseKey = (lessonId: string, exerciseId: string): string => `${lessonId}/${exerciseId}`;

/** A lesson is complete when every exercise passed and every quiz question was answered correctly. */
export function isLessonComplete(
  lesson: {
    id: string;
    exercises: readonly { id: string }[];
    quizzes: readonly { id: string; questions: readonly { id: string }[] }[];
  },
  progress: CourseProgress,
): boolean {
  const exercisesDone = lesson.exercises.every(
    (e) => progress.exercises[exerciseKey(lesson.id, e.id)]?.status === 'passed',
  );
  const answers = progress.lessons[lesson.id]?.answers ?? {};
  const quizzesDone = lesson.quizzes.every((q) =>
    q.questions.every((x) => answers[`${q.id}/${x.id}`]?.correct === true),
  );
  return exercisesDone && quizzesDone;
}
