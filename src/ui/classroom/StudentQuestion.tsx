/**
 * A student's open question: the course's own answer inputs on the public question, a send button, and
 * the answer the server acknowledged (changeable until the reveal).
 */
import { useState } from 'react';
import type { AnswerValue, PublicQuestion } from '../../classroom/protocol';
import type { Question } from '../../lessons/quiz';
import { ChoiceInput, OrderInput, SortInput } from '../course/QuestionInputs';
import { InlineMarkdown } from '../course/SafeHtml';

type Of<T extends Question['type']> = Extract<Question, { type: T }>;

/**
 * The inputs take course questions; the public one lacks what would give the answer away. Predict
 * choices render as a single choice, and sort items get an empty bucket the inputs never read.
 */
function forInputs(q: PublicQuestion): Of<'single'> | Of<'multiple'> | Of<'order'> | Of<'sort'> {
  switch (q.type) {
    case 'single':
    case 'predict':
      return { ...q, type: 'single', explanation: '' };
    case 'multiple':
      return { ...q, type: 'multiple', explanation: '' };
    case 'order':
      return { ...q, explanation: '' };
    case 'sort':
      return { ...q, explanation: '', items: q.items.map((i) => ({ ...i, bucket: '' })) };
    default: {
      const never: never = q;
      return never;
    }
  }
}

function complete(q: PublicQuestion, draft: AnswerValue): boolean {
  if (q.type === 'order') return true;
  if (q.type === 'sort') return !Array.isArray(draft) && q.items.every((i) => draft[i.id] !== undefined);
  return Array.isArray(draft) && draft.length > 0;
}

const freshDraft = (q: PublicQuestion): AnswerValue =>
  q.type === 'order' ? q.items.map((i) => i.id) : q.type === 'sort' ? {} : [];

const same = (a: AnswerValue | null, b: AnswerValue): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface StudentQuestionProps {
  readonly seq: number;
  readonly question: PublicQuestion;
  /** The answer the server has for this student, if any. */
  readonly sent: AnswerValue | null;
  readonly onSend: (answer: AnswerValue) => void;
  readonly disabled: boolean;
}

export function StudentQuestion({ seq, question, sent, onSend, disabled }: StudentQuestionProps) {
  const [draft, setDraft] = useState<AnswerValue>(() => sent ?? freshDraft(question));
  const q = forInputs(question);
  const list = Array.isArray(draft) ? draft : [];
  const map = Array.isArray(draft) ? {} : draft;
  const unchanged = sent !== null && same(sent, draft);
  return (
    <fieldset className="course-question classroom-question" data-testid="classroom.question" data-seq={seq}>
      <legend>
        <span className="muted">Question {seq}. </span>
        <InlineMarkdown text={question.prompt} />
      </legend>
      {(q.type === 'single' || q.type === 'multiple') && (
        <ChoiceInput question={q} picked={list} onChange={setDraft} disabled={disabled} />
      )}
      {q.type === 'order' && <OrderInput question={q} order={list} onChange={setDraft} disabled={disabled} />}
      {q.type === 'sort' && <SortInput question={q} placed={map} onChange={setDraft} disabled={disabled} />}
      <div className="course-row">
        <button
          type="button"
          className="primary"
          data-testid="classroom.send"
          disabled={disabled || !complete(question, draft) || unchanged}
          onClick={() => onSend(draft)}
        >
          {sent === null ? 'Send answer' : 'Change my answer'}
        </button>
        <span aria-live="polite" data-testid="classroom.sent">
          {sent !== null &&
            (unchanged ? 'Answer sent. You can change it until the answer is revealed.' : 'Not sent yet.')}
        </span>
      </div>
    </fieldset>
  );
}
