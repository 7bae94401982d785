/** Picks the next question to ask from the course's quizzes: lesson, quiz, question, in course order. */
import { useId } from 'react';
import type { QuestionRef } from '../../classroom/protocol';
import type { Course } from '../../lessons/course';
import type { Question } from '../../lessons/quiz';
import { plainText } from '../course/SafeHtml';

export interface Pick {
  readonly lessonId: string;
  readonly quizId: string;
  readonly questionId: string;
}

export interface PickedQuestion {
  readonly ref: QuestionRef;
  readonly question: Question;
}

/** Every question of the course, in order, with the label the class and the CSV see. */
export function allQuestions(course: Course): PickedQuestion[] {
  return course.lessons.flatMap((lesson, li) =>
    lesson.quizzes.flatMap((quiz) =>
      quiz.questions.map((question, qi) => ({
        question,
        ref: {
          lessonId: lesson.id,
          quizId: quiz.id,
          questionId: question.id,
          label: `Lesson ${li + 1} · ${quiz.title} · Q${qi + 1}`,
        },
      })),
    ),
  );
}

const same = (a: Pick, b: Pick) =>
  a.lessonId === b.lessonId && a.quizId === b.quizId && a.questionId === b.questionId;

export function findQuestion(course: Course, pick: Pick): PickedQuestion | null {
  return allQuestions(course).find((q) => same(q.ref, pick)) ?? null;
}

/** The question after `pick` in course order, or null after the last one. */
export function nextQuestion(course: Course, pick: Pick): PickedQuestion | null {
  const all = allQuestions(course);
  const i = all.findIndex((q) => same(q.ref, pick));
  return i >= 0 ? (all[i + 1] ?? null) : null;
}

export interface QuestionPickerProps {
  readonly course: Course;
  readonly value: Pick;
  readonly onChange: (pick: Pick) => void;
}

export function QuestionPicker({ course, value, onChange }: QuestionPickerProps) {
  const id = useId();
  const lessons = course.lessons.filter((l) => l.quizzes.length > 0);
  const lesson = lessons.find((l) => l.id === value.lessonId) ?? lessons[0];
  const quiz = lesson?.quizzes.find((q) => q.id === value.quizId) ?? lesson?.quizzes[0];
  const first = (lessonId: string, quizId?: string): Pick => {
    const l = lessons.find((x) => x.id === lessonId);
    const qz = l?.quizzes.find((x) => x.id === quizId) ?? l?.quizzes[0];
    return { lessonId, quizId: qz?.id ?? '', questionId: qz?.questions[0]?.id ?? '' };
  };
  return (
    <fieldset className="classroom-picker" data-testid="classroom.picker">
      <legend>Question to ask</legend>
      <label htmlFor={`${id}-lesson`}>Lesson</label>
      <select
        id={`${id}-lesson`}
        value={lesson?.id ?? ''}
        onChange={(e) => onChange(first(e.currentTarget.value))}
        data-testid="classroom.pick-lesson"
      >
        {lessons.map((l) => (
          <option key={l.id} value={l.id}>
            {course.lessons.indexOf(l) + 1}. {l.meta.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-quiz`}>Quiz</label>
      <select
        id={`${id}-quiz`}
        value={quiz?.id ?? ''}
        onChange={(e) => onChange(first(lesson?.id ?? '', e.currentTarget.value))}
        data-testid="classroom.pick-quiz"
      >
        {lesson?.quizzes.map((q) => (
          <option key={q.id} value={q.id}>
            {q.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-question`}>Question</label>
      <select
        id={`${id}-question`}
        value={value.questionId}
        onChange={(e) =>
          onChange({ lessonId: lesson?.id ?? '', quizId: quiz?.id ?? '', questionId: e.currentTarget.value })
        }
        data-testid="classroom.pick-question"
      >
        {quiz?.questions.map((q, i) => (
          <option key={q.id} value={q.id}>
            Q{i + 1} ({q.type}): {plainText(q.prompt).slice(0, 70)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
