/** The revealed answer as a student sees it: theirs, the right one, why, and how the class answered. */
import type { AnswerValue, Histogram as HistogramData } from '../../classroom/protocol';
import { correctAnswer, describeAnswer } from '../../classroom/tally';
import type { Question } from '../../lessons/quiz';
import { InlineMarkdown, Markdown } from '../course/SafeHtml';
import { Histogram } from './Histogram';

export interface RevealViewProps {
  readonly seq: number;
  readonly question: Question;
  readonly yourAnswer: AnswerValue | null;
  readonly yourCorrect: boolean | null;
  readonly histogram: HistogramData;
}

export function RevealView({ seq, question: q, yourAnswer, yourCorrect, histogram }: RevealViewProps) {
  return (
    <section
      className="course-question classroom-reveal"
      data-testid="classroom.reveal"
      aria-labelledby={`reveal-${seq}`}
    >
      <h3 id={`reveal-${seq}`}>
        <span className="muted">Question {seq}. </span>
        <InlineMarkdown text={q.prompt} />
      </h3>
      <div
        aria-live="polite"
        data-testid="classroom.verdict"
        data-correct={yourCorrect === null ? 'none' : String(yourCorrect)}
      >
        {yourAnswer === null ? (
          <p className="muted">You did not answer this one.</p>
        ) : (
          <p className={yourCorrect ? 'ok' : 'bad'}>
            <strong>{yourCorrect ? '✓ Correct.' : '✗ Not quite.'}</strong> Your answer:{' '}
            <InlineMarkdown text={describeAnswer(q, yourAnswer)} />
          </p>
        )}
      </div>
      <p>
        The answer: <InlineMarkdown text={describeAnswer(q, correctAnswer(q))} />
      </p>
      <Markdown text={q.explanation} className="course-explanation" />
      <Histogram histogram={histogram} />
    </section>
  );
}
