/** Test support: the real course, and a progress store the components read and write. */
import type { ReactNode } from 'react';
import { create, type StoreApi, type UseBoundStore, useStore } from 'zustand';
import { loadBundledCourse } from '../../lessons/bundle';
import type { Course, ExerciseContent, LessonContent } from '../../lessons/course';
import { formatError } from '../../lessons/locate';
import type { Question, Quiz } from '../../lessons/quiz';
import { type ProgressSlice, progressSliceCreator } from '../../store/progressSlice';

// The browser's loader (loadLessons' Node paths do not resolve under jsdom's URL).
const loaded = await loadBundledCourse();
if (loaded.course === null) throw new Error(loaded.errors.map(formatError).join('\n'));
const course: Course = loaded.course;

export function realCourse(): Course {
  return course;
}

export function lesson(id: string): LessonContent {
  const l = realCourse().lessons.find((x) => x.id === id);
  if (l === undefined) throw new Error(`no lesson ${id}`);
  return l;
}

export function exercise(lessonId: string, id: string): ExerciseContent {
  const e = lesson(lessonId).exercises.find((x) => x.id === id);
  if (e === undefined) throw new Error(`no exercise ${lessonId}/${id}`);
  return e;
}

/** The first quiz of a lesson holding a question of this type, and that question. */
export function questionOfType<T extends Question['type']>(
  lessonId: string,
  type: T,
): { quiz: Quiz; question: Extract<Question, { type: T }> } {
  for (const quiz of lesson(lessonId).quizzes) {
    const question = quiz.questions.find((q): q is Extract<Question, { type: T }> => q.type === type);
    if (question !== undefined) return { quiz, question };
  }
  throw new Error(`no ${type} question in ${lessonId}`);
}

export const T0 = Date.UTC(2026, 2, 14, 9, 30);

export type ProgressStore = UseBoundStore<StoreApi<ProgressSlice>>;

export function makeProgressStore(): ProgressStore {
  let t = T0;
  return create<ProgressSlice>()(progressSliceCreator(() => (t += 60_000)));
}

/** Re-renders its children with the store's state, as the app's hooks would. */
export function WithProgress({
  store,
  children,
}: {
  readonly store: ProgressStore;
  readonly children: (state: ProgressSlice) => ReactNode;
}) {
  const state = useStore(store);
  return <>{children(state)}</>;
}
