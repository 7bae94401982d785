/**
 * The presenter's second window (`?presenter=notes`, reveal.js's speaker view): the timer, the current
 * segment's notes, its demos step by step with what to point at, the pause-point answers, the FAQ, and
 * what comes next. It follows the projector over a BroadcastChannel and can drive it (segments, timer,
 * demo buttons). It never writes the lab's save: the lab window owns it.
 */
import './instructor.css';
import { useState } from 'react';
import type { InstructorContent } from '../../instructor/bundle';
import { lessonNotes, pausePointQuiz, quizAnswers } from '../../instructor/lessonNotes';
import type { Plan } from '../../instructor/plan';
import type { DemoCommand, PresenterSync } from '../../instructor/sync';
import { useLabStore } from '../../store/labStore';
import { ThemePicker } from '../ThemePicker';
import { FaqEntries, LessonTalk, QuizAnswerList } from './NotesSections';
import { PacingTimer } from './PacingTimer';
import { SegmentNav, useSegment } from './SegmentNav';
import { useInstructorContent } from './useInstructorContent';
import { useNotesCourse } from './useNotesCourse';
import { usePresenterSync } from './usePresenterSync';

/** The lab window owns the save; this window's changes must never overwrite it. */
function stopSaving(): true {
  useLabStore.persist.setOptions({
    storage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
  });
  return true;
}

export default function NotesWindow() {
  useState(stopSaving);
  const content = useInstructorContent();
  const sync = usePresenterSync('notes');
  return (
    <div className="notes-window" data-testid="notes">
      {content.status === 'ready' && content.content.plan ? (
        <Notes plan={content.content.plan} content={content.content} sync={sync} />
      ) : (
        <p className={content.status === 'failed' ? 'inline-error' : 'muted'}>
          {content.status === 'failed'
            ? `The notes could not be loaded: ${content.message}`
            : 'Loading the notes…'}
        </p>
      )}
    </div>
  );
}

function Notes({
  plan,
  content,
  sync,
}: {
  readonly plan: Plan;
  readonly content: InstructorContent;
  readonly sync: PresenterSync | null;
}) {
  const { segment, next } = useSegment(plan);
  const demoState = useLabStore((s) => s.presenter.demo);
  const course = useNotesCourse();
  if (!segment) return null;
  const pause =
    course && segment.pausePoint !== undefined ? pausePointQuiz(course, segment.pausePoint) : null;
  const faq = course ? course.faq.entries.filter((e) => segment.faq?.includes(e.id)) : [];
  const send = (demoId: string, command: DemoCommand) => sync?.sendDemoCommand(demoId, command);
  return (
    <>
      <header className="notes-top">
        <h1>Presenter notes</h1>
        <SegmentNav plan={plan} />
        <PacingTimer plan={plan} size="big" />
        <ThemePicker />
      </header>
      <div className="notes-grid">
        <section className="notes-now" aria-labelledby="notes-now" data-testid="notes.now">
          <h2 id="notes-now" data-testid="notes.now.title">
            Now: {segment.title}
          </h2>
          <ul className="notes-points">
            {segment.points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <div className="notes-say">
            {/* The YAML's line breaks are for the source: paragraphs are split at blank lines only. */}
            {segment.notes
              .split(/\n\s*\n/)
              .filter((para) => para.trim() !== '')
              .map((para) => (
                <p key={para}>{para.replace(/\s*\n\s*/g, ' ').trim()}</p>
              ))}
          </div>
          {(segment.demos ?? []).map((id) => {
            const demo = content.demos.find((d) => d.script.id === id);
            if (!demo) return null;
            const live = demoState?.id === id ? demoState : null;
            return (
              <div key={id} className="notes-demo" data-testid="notes.demo" data-demo-id={id}>
                <h3>
                  Demo: {demo.script.title}
                  {live ? (
                    <span className="muted">
                      {' '}
                      · {live.status}, {live.next} of {demo.script.steps.length} done
                    </span>
                  ) : null}
                </h3>
                <fieldset className="demo-controls">
                  <legend className="visually-hidden">{demo.script.title} controls</legend>
                  {(['run', 'pause', 'step', 'replay'] as const).map((c) => (
                    <button
                      key={c}
                      type="button"
                      onClick={() => send(id, c)}
                      disabled={!sync}
                      data-testid={`notes.demo.${c}`}
                    >
                      {c[0]?.toUpperCase()}
                      {c.slice(1)}
                    </button>
                  ))}
                </fieldset>
                <ol className="notes-demo-steps">
                  {demo.script.steps.map((s, i) => (
                    <li
                      key={s.title}
                      className={live && i === live.next ? 'current' : live && i < live.next ? 'done' : ''}
                    >
                      <strong>{s.title}</strong>: {s.say}
                      {s.notes ? <em className="notes-point-at"> Note: {s.notes}</em> : null}
                    </li>
                  ))}
                </ol>
              </div>
            );
          })}
        </section>
        <section className="notes-next" aria-labelledby="notes-next" data-testid="notes.next">
          <h2 id="notes-next">Next up</h2>
          {next ? (
            <>
              <p className="notes-next-title" data-testid="notes.next.title">
                {next.title} <span className="muted">({next.minutes} min)</span>
              </p>
              <ul>
                {next.points.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>The last segment: questions and wrap-up.</p>
          )}
          {pause ? (
            <>
              <h2>Pause point</h2>
              <QuizAnswerList quiz={quizAnswers(pause.quiz)} />
            </>
          ) : null}
          <FaqEntries entries={faq} />
          {course
            ? segment.lessons.map((id) => {
                const notes = lessonNotes(course, content.byLesson, id);
                return notes ? (
                  <div key={id} className="notes-lesson">
                    <h2>Lesson: {notes.title}</h2>
                    <LessonTalk notes={notes} />
                  </div>
                ) : null;
              })
            : null}
        </section>
      </div>
    </>
  );
}
