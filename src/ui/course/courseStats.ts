/** Progress bars and scores computed from the course and the progress document: pure and tested. */
import type { Course, LessonContent } from '../../lessons/course';
import { answerKey, exerciseKey, type ProgressDoc } from '../../store/progressSlice';

/** What the stats need of a lesson (the loaded `LessonContent` fits). */
export type LessonShape = Pick<LessonContent, 'id' | 'exercises' | 'quizzes'>;

export interface LessonStats {
  readonly exercisesPassed: number;
  readonly exercisesTotal: number;
  readonly questionsAnswered: number;
  readonly questionsCorrect: number;
  readonly questionsTotal: number;
  /** Steps done (exercises passed + questions answered) of all steps. */
  readonly done: number;
  readonly total: number;
  readonly completed: boolean;
}

export function lessonStats(lesson: LessonShape, progress: ProgressDoc): LessonStats {
  const exercisesTotal = lesson.exercises.length;
  const exercisesPassed = lesson.exercises.filter(
    (e) => progress.exercises[exerciseKey(lesson.id, e.id)]?.status === 'passed',
  ).length;
  let questionsTotal = 0;
  let questionsAnswered = 0;
  let questionsCorrect = 0;
  for (const quiz of lesson.quizzes) {
    for (const q of quiz.questions) {
      questionsTotal++;
      const a = progress.answers[answerKey(lesson.id, quiz.id, q.id)];
      if (a !== undefined) questionsAnswered++;
      if (a?.correct === true) questionsCorrect++;
    }
  }
  const marked = progress.lessons[lesson.id]?.completedAt != null;
  const steps = exercisesTotal + questionsTotal;
  const done = exercisesPassed + questionsAnswered;
  return {
    exercisesPassed,
    exercisesTotal,
    questionsAnswered,
    questionsCorrect,
    questionsTotal,
    // A lesson with nothing to answer counts as one step: reading it to the end.
    done: steps === 0 ? (marked ? 1 : 0) : done,
    total: steps === 0 ? 1 : steps,
    completed:
      marked || (steps > 0 && exercisesPassed === exercisesTotal && questionsCorrect === questionsTotal),
  };
}

export interface CourseStats {
  readonly lessons: ReadonlyMap<string, LessonStats>;
  readonly done: number;
  readonly total: number;
  readonly lessonsCompleted: number;
}

export function courseStats(course: Pick<Course, 'lessons'>, progress: ProgressDoc): CourseStats {
  const lessons = new Map<string, LessonStats>();
  let done = 0;
  let total = 0;
  let lessonsCompleted = 0;
  for (const lesson of course.lessons) {
    const s = lessonStats(lesson, progress);
    lessons.set(lesson.id, s);
    done += s.done;
    total += s.total;
    if (s.completed) lessonsCompleted++;
  }
  return { lessons, done, total, lessonsCompleted };
}

export const percent = (done: number, total: number): number =>
  total === 0 ? 0 : Math.round((100 * done) / total);
