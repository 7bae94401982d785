/**
 * Instructor notes for the lesson in the lesson pane (instructor mode only): talking points, teaching
 * tips, misconceptions to listen for, the lesson's FAQ entries and every quiz answer, pause points first.
 */
import './instructor.css';
import { useMemo } from 'react';
import { lessonNotes } from '../../instructor/lessonNotes';
import { useLabStore } from '../../store/labStore';
import { FaqEntries, LessonTalk, QuizAnswerList } from './NotesSections';
import { useInstructorContent } from './useInstructorContent';
import { useNotesCourse } from './useNotesCourse';

export default function InstructorNotes({ lessonId }: { readonly lessonId?: string }) {
  const content = useInstructorContent();
  const current = useLabStore((s) => s.progress.currentLesson);
  const course = useNotesCourse();
  const ready = content.status === 'ready' ? content.content : null;
  const id = lessonId ?? current ?? course?.lessons[0]?.id ?? null;
  const notes = useMemo(
    () => (ready && course && id ? lessonNotes(course, ready.byLesson, id) : null),
    [ready, course, id],
  );
  if (content.status === 'loading') return null;
  if (content.status === 'failed')
    return (
      <p className="inline-error" role="alert">
        Instructor notes could not be loaded: {content.message}
      </p>
    );
  if (!notes) return null;
  const demoTitles = notes.demos.map((d) => ready?.demos.find((x) => x.script.id === d)?.script.title ?? d);
  return (
    <details className="instructor-notes" open data-testid="instructor.notes" data-lesson-id={notes.lessonId}>
      <summary>Instructor notes: {notes.title}</summary>
      <LessonTalk notes={notes} />
      {demoTitles.length > 0 ? (
        <div>
          <h4>Demos for this lesson</h4>
          <ul>
            {demoTitles.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FaqEntries entries={notes.faq} />
      {notes.answers.length > 0 ? (
        <div className="notes-answers">
          <h4>Answers</h4>
          {notes.answers.map((q) => (
            <QuizAnswerList key={q.quizId} quiz={q} />
          ))}
        </div>
      ) : null}
    </details>
  );
}
