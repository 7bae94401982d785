/** The table of contents: lessons in sequence order, a bar per lesson and one for the course. */
import type { KeyboardEvent } from 'react';
import type { Course } from '../../lessons/course';
import type { ProgressDoc } from '../../store/progressSlice';
import { courseStats } from './courseStats';
import { ProgressBar } from './ProgressBar';
import './course.css';

export interface CourseNavProps {
  readonly course: Pick<Course, 'title' | 'lessons'>;
  readonly progress: ProgressDoc;
  readonly currentLessonId: string | null;
  readonly onSelectLesson: (lessonId: string) => void;
}

/** Arrow keys, Home and End move between lessons; Tab leaves the list. */
function moveFocus(e: KeyboardEvent<HTMLOListElement>) {
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-lesson]')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const to =
    e.key === 'ArrowDown'
      ? at + 1
      : e.key === 'ArrowUp'
        ? at - 1
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? buttons.length - 1
            : null;
  if (to === null || buttons.length === 0) return;
  e.preventDefault();
  buttons[(to + buttons.length) % buttons.length]?.focus();
}

export function CourseNav({ course, progress, currentLessonId, onSelectLesson }: CourseNavProps) {
  const stats = courseStats(course, progress);
  return (
    <nav className="course-nav" aria-labelledby="course-nav-heading">
      <h2 id="course-nav-heading">{course.title}</h2>
      <div className="course-nav-overall">
        <ProgressBar label="Course progress" done={stats.done} total={stats.total} />
        <p className="muted" data-testid="nav.overall">
          {stats.lessonsCompleted} of {course.lessons.length} lessons complete
        </p>
      </div>
      <ol className="course-nav-list" onKeyDown={moveFocus}>
        {course.lessons.map((lesson, i) => {
          const s = stats.lessons.get(lesson.id);
          if (s === undefined) return null;
          const current = lesson.id === currentLessonId;
          return (
            <li key={lesson.id} data-completed={s.completed}>
              <button
                type="button"
                className="course-nav-item"
                data-lesson={lesson.id}
                aria-current={current ? 'page' : undefined}
                onClick={() => onSelectLesson(lesson.id)}
                data-testid="nav.lesson"
              >
                <span className="course-nav-title">
                  <span className="muted">{i + 1}.</span> {lesson.meta.title}
                  {s.completed && (
                    <span className="ok" role="img" aria-label="complete">
                      {' '}
                      ✓
                    </span>
                  )}
                </span>
                <span className="muted course-nav-counts">
                  {s.exercisesTotal > 0 && `${s.exercisesPassed}/${s.exercisesTotal} exercises`}
                  {s.exercisesTotal > 0 && s.questionsTotal > 0 && ' · '}
                  {s.questionsTotal > 0 && `${s.questionsAnswered}/${s.questionsTotal} questions`}
                  {s.exercisesTotal + s.questionsTotal === 0 && `${lesson.meta.minutes} min read`}
                </span>
              </button>
              <ProgressBar label={`${lesson.meta.title} progress`} done={s.done} total={s.total} />
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
