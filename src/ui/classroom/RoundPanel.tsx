/** The instructor's view of the open question: prompt, live histogram, reveal, and after it the answer and replay. */
import type { ServerMessageOf } from '../../classroom/protocol';
import { correctAnswer, describeAnswer } from '../../classroom/tally';
import type { Course } from '../../lessons/course';
import { InlineMarkdown, Markdown } from '../course/SafeHtml';
import { Histogram } from './Histogram';
import { PredictReplay } from './PredictReplay';

type Session = ServerMessageOf<'session'>;

export interface RoundPanelProps {
  readonly course: Course | null;
  readonly round: NonNullable<Session['round']>;
  readonly histogram: Session['histogram'];
  readonly onReveal: () => void;
  /** Null after the course's last question. */
  readonly onNext: (() => void) | null;
  readonly nextLabel: string | null;
  readonly busy: boolean;
}

export function RoundPanel({ course, round, histogram, onReveal, onNext, nextLabel, busy }: RoundPanelProps) {
  const q = round.question;
  // Counts from before this round's first histogram would belong to the previous question.
  const counts = histogram.seq === round.seq ? histogram : null;
  return (
    <section
      className="classroom-card classroom-round"
      aria-labelledby={`round-${round.seq}`}
      data-testid="classroom.round"
      data-seq={round.seq}
      data-revealed={round.revealed}
    >
      <p className="course-kicker">
        Question {round.seq} · {round.ref.label} · {q.type}
      </p>
      <h3 id={`round-${round.seq}`}>
        <InlineMarkdown text={q.prompt} />
      </h3>
      {counts ? <Histogram histogram={counts} /> : <p className="muted">Waiting for answers…</p>}
      <div className="course-row">
        {!round.revealed && (
          <button
            type="button"
            className="primary"
            onClick={onReveal}
            disabled={busy}
            data-testid="classroom.reveal-button"
          >
            Reveal the answer
          </button>
        )}
        {round.revealed && onNext && (
          <button
            type="button"
            className="primary"
            onClick={onNext}
            disabled={busy}
            data-testid="classroom.next-button"
          >
            Next question{nextLabel ? `: ${nextLabel}` : ''}
          </button>
        )}
      </div>
      {round.revealed && (
        <div className="classroom-answer" data-testid="classroom.answer">
          <p>
            <strong>The answer:</strong> <InlineMarkdown text={describeAnswer(q, correctAnswer(q))} />
          </p>
          <Markdown text={q.explanation} className="course-explanation" />
          {q.type === 'predict' && course && (
            <PredictReplay course={course} lessonId={round.ref.lessonId} question={q} />
          )}
        </div>
      )}
    </section>
  );
}
