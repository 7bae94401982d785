/** One quiz question: answer, check, feedback with the explanation, and "try again". */
import { type ReactNode, useId, useState } from 'react';
import type { Json } from '../../host/scenario/events';
import { gradeQuestion, seededShuffle } from '../../lessons/grade';
import type { Question } from '../../lessons/quiz';
import type { QuizAnswerValue } from '../../lessons/quizAnswer';
import type { QuizAnswer } from '../../store/progressSlice';
import { ChoiceInput, OrderInput, SortInput } from './QuestionInputs';
import { InlineMarkdown, Markdown } from './SafeHtml';

/** What running the predict question's world measured. */
export interface PredictReveal {
  readonly value: Json;
}

export type PredictQuestionData = Extract<Question, { type: 'predict' }>;

export interface QuestionViewProps {
  readonly question: Question;
  readonly number: number;
  /** The stored answer, shown as answered until "try again". */
  readonly stored: QuizAnswer | undefined;
  readonly onAnswer: (answer: QuizAnswerValue, correct: boolean) => void;
  /** Predict questions: runs the simulation and resolves with the measured value. */
  readonly onReveal?: (question: PredictQuestionData) => Promise<PredictReveal>;
  /** After a predict question's reveal: the scenario replayed in a visualizer (the timeline). */
  readonly renderReplay?: (question: PredictQuestionData) => ReactNode;
}

function freshDraft(q: Question): QuizAnswerValue {
  if (q.type === 'order')
    return seededShuffle(
      q.items.map((i) => i.id),
      q.id,
    );
  if (q.type === 'sort') return {};
  return [];
}

function isComplete(q: Question, draft: QuizAnswerValue): boolean {
  if (q.type === 'order') return true;
  if (q.type === 'sort') return !Array.isArray(draft) && q.items.every((i) => draft[i.id] !== undefined);
  return Array.isArray(draft) && draft.length > 0;
}

const sameJson = (a: Json, b: Json): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The choice text for a measured value, or the value itself. */
export function describeMeasured(q: PredictQuestionData, value: Json): string {
  return q.choices.find((c) => sameJson(c.value, value))?.text ?? JSON.stringify(value);
}

export function QuestionView({
  question: q,
  number,
  stored,
  onAnswer,
  onReveal,
  renderReplay,
}: QuestionViewProps) {
  const [draft, setDraft] = useState<QuizAnswerValue>(() => stored?.answer ?? freshDraft(q));
  const [result, setResult] = useState<boolean | null>(stored?.correct ?? null);
  const [pending, setPending] = useState(false);
  const [measured, setMeasured] = useState<PredictReveal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const promptId = useId();
  const answered = result !== null;
  const list = Array.isArray(draft) ? draft : [];
  const map = Array.isArray(draft) ? {} : draft;

  const check = async () => {
    let correct = gradeQuestion(q, draft);
    if (q.type === 'predict' && onReveal !== undefined) {
      setPending(true);
      setError(null);
      try {
        const reveal = await onReveal(q);
        setMeasured(reveal);
        const chosen = q.choices.find((c) => c.id === list[0]);
        correct = chosen !== undefined && sameJson(chosen.value, reveal.value);
      } catch (e) {
        setError(`The simulation could not run: ${e instanceof Error ? e.message : String(e)}`);
        return;
      } finally {
        setPending(false);
      }
    }
    setResult(correct);
    onAnswer(draft, correct);
  };
  const retry = () => {
    setDraft(freshDraft(q));
    setResult(null);
    setMeasured(null);
  };

  const marks = answered ? choiceMarks(q, draft) : undefined;
  return (
    <fieldset className="course-question" aria-describedby={`${promptId}-result`} data-type={q.type}>
      <legend id={promptId}>
        <span className="muted">{number}. </span>
        <InlineMarkdown text={q.prompt} />
      </legend>
      {(q.type === 'single' || q.type === 'multiple' || q.type === 'predict') && (
        <ChoiceInput
          question={q}
          picked={list}
          onChange={setDraft}
          disabled={answered || pending}
          marks={marks}
        />
      )}
      {q.type === 'order' && <OrderInput question={q} order={list} onChange={setDraft} disabled={answered} />}
      {q.type === 'sort' && (
        <SortInput question={q} placed={map} onChange={setDraft} disabled={answered} marks={marks} />
      )}
      <div className="course-row">
        {answered ? (
          <button type="button" onClick={retry} data-testid="quiz.retry">
            Try again
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={!isComplete(q, draft) || pending}
            onClick={() => void check()}
            data-testid="quiz.answer"
          >
            {q.type === 'predict' && onReveal !== undefined
              ? pending
                ? 'Running the simulation…'
                : 'Run it and see'
              : 'Check'}
          </button>
        )}
      </div>
      <div id={`${promptId}-result`} aria-live="polite" data-testid="quiz.result">
        {error !== null && <p className="bad">{error}</p>}
        {answered && (
          <div className="course-feedback" data-correct={result}>
            <p className={result ? 'ok' : 'bad'}>
              <strong>{result ? 'Correct.' : 'Not quite.'}</strong> {resultDetail(q, draft)}
            </p>
            {q.type === 'predict' && measured !== null && (
              <p data-testid="quiz.measured">
                The simulation measured: <strong>{describeMeasured(q, measured.value)}</strong>
              </p>
            )}
            {q.type === 'predict' && measured !== null ? renderReplay?.(q) : null}
            <WhyList question={q} picked={list} />
            <Markdown text={q.explanation} className="course-explanation" />
          </div>
        )}
      </div>
    </fieldset>
  );
}

/** Right/wrong marks beside picked choices and placed items. */
function choiceMarks(q: Question, draft: QuizAnswerValue): Map<string, boolean> | undefined {
  if (q.type === 'single' || q.type === 'multiple') {
    const picked = Array.isArray(draft) ? draft : [];
    return new Map(picked.map((id) => [id, q.choices.find((c) => c.id === id)?.correct === true]));
  }
  if (q.type === 'sort' && !Array.isArray(draft)) {
    return new Map(q.items.map((i) => [i.id, draft[i.id] === i.bucket]));
  }
  return undefined;
}

function resultDetail(q: Question, draft: QuizAnswerValue): string {
  if (q.type === 'order' && Array.isArray(draft)) {
    const right = q.items.filter((item, i) => draft[i] === item.id).length;
    return `${right} of ${q.items.length} in the right place.`;
  }
  if (q.type === 'sort' && !Array.isArray(draft)) {
    const right = q.items.filter((i) => draft[i.id] === i.bucket).length;
    return `${right} of ${q.items.length} sorted correctly.`;
  }
  if (q.type === 'multiple') {
    const n = q.choices.filter((c) => c.correct === true).length;
    return `${n} of the choices ${n === 1 ? 'is' : 'are'} right.`;
  }
  return '';
}

function WhyList({
  question: q,
  picked,
}: {
  readonly question: Question;
  readonly picked: readonly string[];
}) {
  if (q.type !== 'single' && q.type !== 'multiple') return null;
  const whys = q.choices.filter((c) => picked.includes(c.id) && c.why !== undefined);
  if (whys.length === 0) return null;
  return (
    <ul className="course-why">
      {whys.map((c) => (
        <li key={c.id}>
          <InlineMarkdown text={c.text} />: <InlineMarkdown text={c.why ?? ''} />
        </li>
      ))}
    </ul>
  );
}
