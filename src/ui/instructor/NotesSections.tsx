/** Instructor notes as sections: talking points, misconceptions, teaching tips, FAQ and quiz answers. */
import type { LessonNotes, QuizAnswers } from '../../instructor/lessonNotes';
import { InlineMarkdown, Markdown } from '../course/SafeHtml';

type Faq = LessonNotes['faq'][number];

export function QuizAnswerList({ quiz }: { readonly quiz: QuizAnswers }) {
  return (
    <div className="notes-quiz" data-testid="notes.quiz" data-quiz-id={quiz.quizId}>
      <h4>
        {quiz.pausePoint !== null
          ? `Pause point ${quiz.pausePoint}: ${quiz.title.replace(/^pause point:?\s*/i, '')}`
          : quiz.title}
      </h4>
      <ol>
        {quiz.questions.map((q) => (
          <li key={q.id}>
            <Markdown text={q.prompt} className="notes-prompt" />
            <p className="notes-answer" data-testid="notes.answer">
              <strong>Answer:</strong> <InlineMarkdown text={q.answer} />
            </p>
            <Markdown text={q.explanation} className="notes-why" />
          </li>
        ))}
      </ol>
    </div>
  );
}

export function FaqEntries({ entries }: { readonly entries: readonly Faq[] }) {
  if (entries.length === 0) return null;
  return (
    <div className="notes-faq">
      <h4>Common questions</h4>
      {entries.map((e) => (
        <details key={e.id} className="notes-faq-entry" data-testid="notes.faq">
          <summary>{e.question}</summary>
          <Markdown text={e.answer} />
          <p className="notes-tip">
            <strong>Teaching tip:</strong> {e.teachingTip}
          </p>
        </details>
      ))}
    </div>
  );
}

/** A lesson's own notes: what to say, what to listen for, and the lesson's teaching tips. */
export function LessonTalk({ notes }: { readonly notes: LessonNotes }) {
  return (
    <>
      {notes.notes.length > 0 ? (
        <div>
          <h4>Talking points</h4>
          <ul>
            {notes.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notes.teachingTips.length > 0 ? (
        <div>
          <h4>Teaching tips</h4>
          {notes.teachingTips.map((t) => (
            <p key={t} className="notes-tip" data-testid="notes.tip">
              {t}
            </p>
          ))}
        </div>
      ) : null}
      {notes.watchFor.length > 0 ? (
        <div>
          <h4>Listen for</h4>
          <dl className="notes-watch">
            {notes.watchFor.map((w) => (
              <div key={w.misconception}>
                <dt>“{w.misconception}”</dt>
                <dd>{w.reply}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </>
  );
}
