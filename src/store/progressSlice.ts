/**
 * Course progress: exercise status, hints shown, the solution-reveal stage, the last check results, quiz
 * answers and lesson completion. Persisted as its own versioned document (inside the lab's save), validated
 * with zod on every load and import, so a damaged or newer save is reported, never half-applied (zod/mini:
 * the store reads it before the first paint).
 */
import { z } from 'zod/mini';
import type { StateCreator } from 'zustand';
import { type QuizAnswerValue, quizAnswerValueSchema } from '../lessons/quizAnswer';
import { nonEmpty } from './draftSchema';
import { type DocFormat, parseVersioned } from './versionedDoc';

export const PROGRESS_VERSION = 1;

const count = z.int().check(z.minimum(0));
const epochMs = count;

/**
 * One hidden check's result: the fields of src/lessons/checkers' `CheckResult` that are kept (its
 * `details` hold whole invoke answers and stay out of the save).
 */
export const exerciseCheckResultSchema = z.strictObject({
  checkId: nonEmpty,
  /** The check's title from exercise.yaml. */
  title: nonEmpty,
  passed: z.boolean(),
  /** The matched mistake's feedback or the check's failure message. */
  feedback: z.optional(z.string()),
});
export type ExerciseCheckResult = z.infer<typeof exerciseCheckResultSchema>;

export const exerciseProgressSchema = z.strictObject({
  status: z.enum(['not-started', 'in-progress', 'passed']),
  /** Hints are shown one at a time; this many are visible. */
  hintsRevealed: count,
  /** 0: hidden; 1..n: the learner is at confirmation n; past the last confirmation the solution shows. */
  revealStage: count,
  solutionRevealedAt: z.nullable(epochMs),
  /** Token-by-token reveal: tokens shown so far. */
  solutionTokensShown: count,
  checkRuns: count,
  lastResults: z.array(exerciseCheckResultSchema),
  lastCheckedAt: z.nullable(epochMs),
  firstPassedAt: z.nullable(epochMs),
  /** The learner's files at the latest passing check, for the diff against the solution. */
  passedFiles: z.nullable(z.record(z.string(), z.string())),
});
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;

export const quizAnswerSchema = z.strictObject({
  answer: quizAnswerValueSchema,
  correct: z.boolean(),
  attempts: z.int().check(z.minimum(1)),
  answeredAt: epochMs,
  firstCorrectAt: z.nullable(epochMs),
});
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;

export const lessonProgressSchema = z.strictObject({
  visitedAt: z.nullable(epochMs),
  completedAt: z.nullable(epochMs),
});
export type LessonProgress = z.infer<typeof lessonProgressSchema>;

export const progressDocSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  currentLesson: z.nullable(z.string()),
  lessons: z.record(z.string(), lessonProgressSchema),
  /** Keyed `<lesson-id>/<exercise-id>`. */
  exercises: z.record(z.string(), exerciseProgressSchema),
  /** Keyed `<lesson-id>/<quiz-id>/<question-id>`; the latest answer. */
  answers: z.record(z.string(), quizAnswerSchema),
});
export type ProgressDoc = z.infer<typeof progressDocSchema>;

export const exerciseKey = (lessonId: string, exerciseId: string): string => `${lessonId}/${exerciseId}`;
export const answerKey = (lessonId: string, quizId: string, questionId: string): string =>
  `${lessonId}/${quizId}/${questionId}`;

export function emptyProgress(): ProgressDoc {
  return { version: PROGRESS_VERSION, currentLesson: null, lessons: {}, exercises: {}, answers: {} };
}

export function emptyExerciseProgress(): ExerciseProgress {
  return {
    status: 'not-started',
    hintsRevealed: 0,
    revealStage: 0,
    solutionRevealedAt: null,
    solutionTokensShown: 0,
    checkRuns: 0,
    lastResults: [],
    lastCheckedAt: null,
    firstPassedAt: null,
    passedFiles: null,
  };
}

/** Format migrations: `from version n` -> the shape of version n + 1. None yet. */
const MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

export type ParsedProgress = { ok: true; progress: ProgressDoc } | { ok: false; reason: string };

const PROGRESS_FORMAT: DocFormat<ProgressDoc> = {
  schema: progressDocSchema,
  version: PROGRESS_VERSION,
  migrations: MIGRATIONS,
  label: 'progress',
  notA: 'it is not a progress document',
};

/** Reads saved or imported progress of any known version; explains what is wrong otherwise. */
export function parseProgress(data: unknown, fromVersion: number): ParsedProgress {
  const parsed = parseVersioned(PROGRESS_FORMAT, data, fromVersion);
  return parsed.ok ? { ok: true, progress: parsed.value } : parsed;
}

/** The progress inside a lab save: absent (a save from before progress existed) means no progress yet. */
export function parseStoredProgress(data: unknown): ParsedProgress {
  if (data === undefined) return { ok: true, progress: emptyProgress() };
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version !== 'number') return { ok: false, reason: 'progress: it has no format version' };
  return parseProgress(data, version);
}

export interface ProgressActions {
  /** Opens a lesson: it becomes current and is marked visited. */
  openLesson(lessonId: string): void;
  completeLesson(lessonId: string): void;
  /** The starter was loaded or the learner began work. */
  startExercise(key: string): void;
  /** Shows the next hint, up to `total`. */
  revealHint(key: string, total: number): void;
  /** One step further through the reveal friction; past `confirmations` the solution is revealed. */
  advanceSolutionReveal(key: string, confirmations: number): void;
  /** "No, keep trying": back to hidden (unless already revealed). */
  cancelSolutionReveal(key: string): void;
  /** Token-by-token reveal: show `count` more tokens, up to `total`. */
  showSolutionTokens(key: string, count: number, total: number): void;
  /** Stores a check run; every check passing marks the exercise passed and keeps the files for the diff. */
  recordCheck(
    key: string,
    results: readonly ExerciseCheckResult[],
    files: Readonly<Record<string, string>>,
  ): void;
  answerQuestion(key: string, answer: QuizAnswerValue, correct: boolean): void;
  /** Replaces all progress (an import). */
  replaceProgress(progress: ProgressDoc): void;
  resetProgress(): void;
}

export interface ProgressSlice extends ProgressActions {
  readonly progress: ProgressDoc;
}

/** `now` is injectable so tests (and exports) get repeatable dates. */
export function progressSliceCreator(
  now: () => number = () => Date.now(),
): StateCreator<ProgressSlice, [], [], ProgressSlice> {
  return (set) => {
    const patchExercise = (key: string, change: (e: ExerciseProgress) => ExerciseProgress) =>
      set((s) => {
        const before = s.progress.exercises[key] ?? emptyExerciseProgress();
        return { progress: { ...s.progress, exercises: { ...s.progress.exercises, [key]: change(before) } } };
      });
    const patchLesson = (lessonId: string, change: (l: LessonProgress) => LessonProgress) =>
      set((s) => {
        const before = s.progress.lessons[lessonId] ?? { visitedAt: null, completedAt: null };
        return {
          progress: { ...s.progress, lessons: { ...s.progress.lessons, [lessonId]: change(before) } },
        };
      });
    return {
      progress: emptyProgress(),
      openLesson: (lessonId) => {
        patchLesson(lessonId, (l) => ({ ...l, visitedAt: l.visitedAt ?? now() }));
        set((s) => ({ progress: { ...s.progress, currentLesson: lessonId } }));
      },
      completeLesson: (lessonId) =>
        patchLesson(lessonId, (l) => ({ ...l, completedAt: l.completedAt ?? now() })),
      startExercise: (key) =>
        patchExercise(key, (e) => (e.status === 'not-started' ? { ...e, status: 'in-progress' } : e)),
      revealHint: (key, total) =>
        patchExercise(key, (e) => ({ ...e, hintsRevealed: Math.min(total, e.hintsRevealed + 1) })),
      advanceSolutionReveal: (key, confirmations) =>
        patchExercise(key, (e) => {
          if (e.solutionRevealedAt !== null) return e;
          const stage = e.revealStage + 1;
          return stage > confirmations
            ? { ...e, revealStage: stage, solutionRevealedAt: now() }
            : { ...e, revealStage: stage };
        }),
      cancelSolutionReveal: (key) =>
        patchExercise(key, (e) => (e.solutionRevealedAt !== null ? e : { ...e, revealStage: 0 })),
      showSolutionTokens: (key, count, total) =>
        patchExercise(key, (e) => ({
          ...e,
          solutionTokensShown: Math.min(total, e.solutionTokensShown + count),
        })),
      recordCheck: (key, results, files) =>
        patchExercise(key, (e) => {
          const passed = results.length > 0 && results.every((r) => r.passed);
          const at = now();
          return {
            ...e,
            status: passed ? 'passed' : e.status === 'passed' ? 'passed' : 'in-progress',
            checkRuns: e.checkRuns + 1,
            lastResults: results.map(({ checkId, title, passed, feedback }) =>
              feedback === undefined ? { checkId, title, passed } : { checkId, title, passed, feedback },
            ),
            lastCheckedAt: at,
            firstPassedAt: e.firstPassedAt ?? (passed ? at : null),
            passedFiles: passed ? { ...files } : e.passedFiles,
          };
        }),
      answerQuestion: (key, answer, correct) =>
        set((s) => {
          const before = s.progress.answers[key];
          const at = now();
          const entry: QuizAnswer = {
            answer: Array.isArray(answer) ? [...answer] : { ...answer },
            correct,
            attempts: (before?.attempts ?? 0) + 1,
            answeredAt: at,
            firstCorrectAt: before?.firstCorrectAt ?? (correct ? at : null),
          };
          return { progress: { ...s.progress, answers: { ...s.progress.answers, [key]: entry } } };
        }),
      replaceProgress: (progress) => set({ progress }),
      resetProgress: () => set({ progress: emptyProgress() }),
    };
  };
}

/** The slice for the lab store: `...createProgressSlice(...a)`. */
export const createProgressSlice = progressSliceCreator();
