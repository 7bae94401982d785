/** The answer controls of each question type: native inputs, all operable from the keyboard. */
import { useEffect, useRef, useState } from 'react';
import type { Question } from '../../lessons/quiz';
import { InlineMarkdown, plainText } from './SafeHtml';

type Of<T extends Question['type']> = Extract<Question, { type: T }>;

interface ChoiceProps {
  readonly question: Of<'single'> | Of<'multiple'> | Of<'predict'>;
  readonly picked: readonly string[];
  readonly onChange: (picked: string[]) => void;
  readonly disabled: boolean;
  /** After checking: which picks were right, for the marks beside them. */
  readonly marks?: ReadonlyMap<string, boolean>;
}

export function ChoiceInput({ question, picked, onChange, disabled, marks }: ChoiceProps) {
  const many = question.type === 'multiple';
  return (
    <ul className="course-choices">
      {question.choices.map((c) => {
        const checked = picked.includes(c.id);
        const mark = marks?.get(c.id);
        return (
          <li key={c.id} data-mark={mark === undefined ? undefined : mark ? 'right' : 'wrong'}>
            <label>
              <input
                type={many ? 'checkbox' : 'radio'}
                name={`q-${question.id}`}
                value={c.id}
                checked={checked}
                disabled={disabled}
                onChange={() =>
                  onChange(many ? (checked ? picked.filter((p) => p !== c.id) : [...picked, c.id]) : [c.id])
                }
              />{' '}
              <InlineMarkdown text={c.text} />
            </label>
          </li>
        );
      })}
    </ul>
  );
}

interface OrderProps {
  readonly question: Of<'order'>;
  readonly order: readonly string[];
  readonly onChange: (order: string[]) => void;
  readonly disabled: boolean;
}

/** Move up / move down buttons, focus following the moved item, and a spoken position. */
export function OrderInput({ question, order, onChange, disabled }: OrderProps) {
  const [moved, setMoved] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const [said, setSaid] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const text = (id: string) => question.items.find((i) => i.id === id)?.text ?? id;
  useEffect(() => {
    if (moved === null) return;
    const item = list.current?.querySelector<HTMLElement>(`[data-item="${moved.id}"]`);
    const want = item?.querySelector<HTMLButtonElement>(`button[data-dir="${moved.dir}"]`);
    // At an end the button is disabled: keep focus on the item's other button.
    (want?.disabled ? item?.querySelector<HTMLButtonElement>('button:not(:disabled)') : want)?.focus();
  }, [moved]);
  const move = (index: number, dir: 'up' | 'down') => {
    const to = dir === 'up' ? index - 1 : index + 1;
    const next = [...order];
    const id = next[index] as string;
    next[index] = next[to] as string;
    next[to] = id;
    onChange(next);
    setMoved({ id, dir });
    setSaid(`${plainText(text(id))}: position ${to + 1} of ${next.length}`);
  };
  return (
    <div className="course-order">
      {question.firstLabel !== undefined && <p className="muted">Top: {question.firstLabel}</p>}
      <ol ref={list}>
        {order.map((id, index) => (
          <li key={id} data-item={id} data-testid="quiz.order.item">
            <InlineMarkdown text={text(id)} />
            <span className="course-row">
              <button
                type="button"
                data-dir="up"
                aria-label={`Move "${plainText(text(id))}" up`}
                disabled={disabled || index === 0}
                onClick={() => move(index, 'up')}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                data-dir="down"
                aria-label={`Move "${plainText(text(id))}" down`}
                disabled={disabled || index === order.length - 1}
                onClick={() => move(index, 'down')}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      {question.lastLabel !== undefined && <p className="muted">Bottom: {question.lastLabel}</p>}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
  );
}

interface SortProps {
  readonly question: Of<'sort'>;
  readonly placed: Readonly<Record<string, string>>;
  readonly onChange: (placed: Record<string, string>) => void;
  readonly disabled: boolean;
  readonly marks?: ReadonlyMap<string, boolean>;
}

/** One labelled select per item: which bucket it belongs in. */
export function SortInput({ question, placed, onChange, disabled, marks }: SortProps) {
  return (
    <ul className="course-sort">
      {question.items.map((item) => {
        const mark = marks?.get(item.id);
        const selectId = `sort-${question.id}-${item.id}`;
        return (
          <li key={item.id} data-mark={mark === undefined ? undefined : mark ? 'right' : 'wrong'}>
            <label htmlFor={selectId}>
              <InlineMarkdown text={item.text} />
            </label>
            <select
              id={selectId}
              value={placed[item.id] ?? ''}
              disabled={disabled}
              onChange={(e) => {
                const next = { ...placed };
                if (e.target.value === '') delete next[item.id];
                else next[item.id] = e.target.value;
                onChange(next);
              }}
            >
              <option value="">Choose…</option>
              {question.buckets.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ul>
  );
}
