/** Grading quiz answers and the seeded shuffle of ordering questions: pure, so tests and the UI agree. */
import { fnv1a } from '../sim/hash.mjs';
import type { Question } from './quiz';
import type { QuizAnswerValue } from './quizAnswer';

/** mulberry32: small, seeded, good enough to shuffle a handful of items. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same order for the same seed every time, and never the answer itself. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = rng(fnv1a(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  if (out.length > 1 && out.every((x, i) => x === items[i])) out.push(out.shift() as T);
  return out;
}

const asList = (a: QuizAnswerValue): readonly string[] => (Array.isArray(a) ? a : []);
const asMap = (a: QuizAnswerValue): Readonly<Record<string, string>> => (Array.isArray(a) ? {} : a);

export function gradeQuestion(q: Question, answer: QuizAnswerValue): boolean {
  switch (q.type) {
    case 'single': {
      const picked = asList(answer);
      return picked.length === 1 && q.choices.some((c) => c.id === picked[0] && c.correct === true);
    }
    case 'multiple': {
      const picked = new Set(asList(answer));
      const right = q.choices.filter((c) => c.correct === true).map((c) => c.id);
      return picked.size === right.length && right.every((id) => picked.has(id));
    }
    case 'predict': {
      const picked = asList(answer);
      return picked.length === 1 && picked[0] === q.answer;
    }
    case 'order': {
      const order = asList(answer);
      return order.length === q.items.length && q.items.every((item, i) => order[i] === item.id);
    }
    case 'sort': {
      const placed = asMap(answer);
      return q.items.every((item) => placed[item.id] === item.bucket);
    }
    default: {
      const never: never = q;
      return never;
    }
  }
}
