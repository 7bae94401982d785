/** The classroom screens as lazy chunks (wrap in <Suspense>). */
import { lazy } from 'react';

export const LazyInstructorClassroom = lazy(() =>
  import('./InstructorClassroom').then((m) => ({ default: m.InstructorClassroom })),
);
export const LazyStudentClassroom = lazy(() =>
  import('./StudentClassroom').then((m) => ({ default: m.StudentClassroom })),
);
