/**
 * Pure answer handling for one question, shared by the relay and the pages: does an answer fit it, which
 * histogram buckets it counts in, and how it reads (CSV, reveal). Grading is the course's own
 * `gradeQuestion`, so solo and class agree.
 */

import { gradeQuestion } from '../lessons/grade';
import type { Question } from '../lessons/quiz';
import type { AnswerValue, Histogram } from './protocol';

type Bucket = Histogram['buckets'][number];

/** Why an answer cannot be an answer to `q`, or null when it fits (right or wrong). */
export function answerProblem(q: Question, a: AnswerValue): string | null {
  const list = Array.isArray(a) ? a : null;
  switch (q.type) {
    case 'single':
    case 'predict':
    case 'multiple': {
      if (list === null) return 'a list of choice ids was expected';
      const ids = new Set(q.choices.map((c) => c.id));
      const unknown = list.find((id) => !ids.has(id));
      if (unknown !== undefined) return `"${unknown}" is not one of the choices`;
      if (new Set(list).size !== list.length) return 'a choice is picked twice';
      if (q.type === 'multiple') return list.length === 0 ? 'pick at least one choice' : null;
      return list.length === 1 ? null : 'pick exactly one choice';
    }
    case 'order': {
      if (list === null) return 'a list of item ids in order was expected';
      const ids = q.items.map((i) => i.id);
      const same = list.length === ids.length && ids.every((id) => list.includes(id));
      return same ? null : 'the order must list every item exactly once';
    }
    case 'sort': {
      if (list !== null) return 'a map of item id to bucket id was expected';
      const items = new Set(q.items.map((i) => i.id));
      const buckets = new Set(q.buckets.map((b) => b.id));
      const entries = Object.entries(a);
      if (entries.length !== items.size || entries.some(([item]) => !items.has(item)))
        return 'every item must be sorted, once';
      const bad = entries.find(([, bucket]) => !buckets.has(bucket));
      return bad === undefined ? null : `"${bad[1]}" is not one of the buckets`;
    }
    default: {
      const never: never = q;
      return never;
    }
  }
}

export const isCorrect = (q: Question, a: AnswerValue): boolean => gradeQuestion(q, a);

/** Items in the right place (order) or the right bucket (sort). */
function placedRight(q: Extract<Question, { type: 'order' | 'sort' }>, a: AnswerValue): number {
  if (q.type === 'order') return Array.isArray(a) ? q.items.filter((item, i) => a[i] === item.id).length : 0;
  return Array.isArray(a) ? 0 : q.items.filter((item) => a[item.id] === item.bucket).length;
}

/**
 * Choice questions: one bucket per choice (a multiple-choice answer counts in each bucket it picks).
 * Order and sort: one bucket per score, "4 of 4" down to "0 of 4".
 */
export function tally(q: Question, answers: Iterable<AnswerValue>, revealed: boolean): Bucket[] {
  const flag = (correct: boolean) => (revealed ? { correct } : {});
  if (q.type === 'order' || q.type === 'sort') {
    const n = q.items.length;
    const counts = new Array<number>(n + 1).fill(0);
    for (const a of answers) counts[placedRight(q, a)] = (counts[placedRight(q, a)] ?? 0) + 1;
    const what = q.type === 'order' ? 'in the right place' : 'sorted right';
    return counts
      .map((count, right) => ({
        id: `score-${right}`,
        label: `${right} of ${n} ${what}`,
        count,
        ...flag(right === n),
      }))
      .reverse();
  }
  const counts = new Map(q.choices.map((c) => [c.id, 0]));
  for (const a of answers)
    if (Array.isArray(a)) for (const id of a) counts.set(id, (counts.get(id) ?? 0) + 1);
  return q.choices.map((c) => ({
    id: c.id,
    label: c.text,
    count: counts.get(c.id) ?? 0,
    ...flag(q.type === 'predict' ? c.id === q.answer : 'correct' in c && c.correct === true),
  }));
}

/** The right answer as an answer value, to show it in the words `describeAnswer` uses. */
export function correctAnswer(q: Question): AnswerValue {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices.filter((c) => c.correct === true).map((c) => c.id);
    case 'predict':
      return [q.answer];
    case 'order':
      return q.items.map((i) => i.id);
    case 'sort':
      return Object.fromEntries(q.items.map((i) => [i.id, i.bucket]));
    default: {
      const never: never = q;
      return never;
    }
  }
}

/** An answer in words, for the CSV: choice texts, items in order, or item: bucket pairs. */
export function describeAnswer(q: Question, a: AnswerValue): string {
  const list = Array.isArray(a) ? a : [];
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'predict':
      return list.map((id) => q.choices.find((c) => c.id === id)?.text ?? id).join(' | ');
    case 'order':
      return list.map((id) => q.items.find((i) => i.id === id)?.text ?? id).join(' > ');
    case 'sort': {
      const map = Array.isArray(a) ? {} : a;
      return q.items
        .map((i) => `${i.text}: ${q.buckets.find((b) => b.id === map[i.id])?.label ?? '-'}`)
        .join('; ');
    }
    default: {
      const never: never = q;
      return never;
    }
  }
}
