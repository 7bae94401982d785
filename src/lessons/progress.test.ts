import { describe, expect, it } from 'vitest';
import {
  CourseProgress,
  emptyExerciseProgress,
  emptyLessonProgress,
  emptyProgress,
  exerciseKey,
  isLessonComplete,
} from './progress';

const lesson = {
  id: '02-handler',
  exercises: [{ id: 'hello' }],
  quizzes: [{ id: 'q', questions: [{ id: 'a' }] }],
};

describe('progress state', () => {
  it('validates the empty state and rejects unknown keys', () => {
    expect(CourseProgress.parse(emptyProgress())).toEqual(emptyProgress());
    expect(CourseProgress.safeParse({ ...emptyProgress(), extra: 1 }).success).toBe(false);
  });

  it('completes a lesson when every exercise passed and every question is right', () => {
    const p = emptyProgress();
    expect(isLessonComplete(lesson, p)).toBe(false);
    p.exercises[exerciseKey('02-handler', 'hello')] = { ...emptyExerciseProgress(), status: 'passed' };
    expect(isLessonComplete(lesson, p)).toBe(false);
    p.lessons['02-handler'] = {
      ...emptyLessonProgress(),
      answers: { 'q/a': { answer: ['x'], correct: true, attempts: 2 } },
    };
    expect(isLessonComplete(lesson, p)).toBe(true);
    expect(CourseProgress.safeParse(p).success).toBe(true);
  });
});
