/**
 * Quizzes as data: single and multiple choice, ordering, sorting into buckets, and predict-the-timeline
 * questions whose answer the app reveals by running the sim (a prepared world + actions + a measure).
 */
import { z } from 'zod';
import { Json } from '../host/scenario/events';
import { Action } from '../host/scenario/world';
import { CheckId } from './checks';

const Choice = z.strictObject({
  id: CheckId,
  text: z.string().min(1),
  correct: z.boolean().optional(),
  /** Shown when this choice is picked: why it is right or wrong. */
  why: z.string().optional(),
});

const Base = {
  id: CheckId,
  prompt: z.string().min(1),
  explanation: z.string().min(1),
};

export const SingleQuestion = z
  .strictObject({ type: z.literal('single'), ...Base, choices: z.array(Choice).min(2) })
  .refine((q) => q.choices.filter((c) => c.correct === true).length === 1, {
    message: 'a single-choice question needs exactly one correct choice',
  });

export const MultipleQuestion = z
  .strictObject({ type: z.literal('multiple'), ...Base, choices: z.array(Choice).min(2) })
  .refine((q) => q.choices.some((c) => c.correct === true), {
    message: 'a multiple-choice question needs at least one correct choice',
  });

/** `items` are listed in the correct order; the app shuffles them (seeded by the question id). */
export const OrderQuestion = z.strictObject({
  type: z.literal('order'),
  ...Base,
  firstLabel: z.string().optional(),
  lastLabel: z.string().optional(),
  items: z.array(z.strictObject({ id: CheckId, text: z.string().min(1) })).min(2),
});

export const SortQuestion = z
  .strictObject({
    type: z.literal('sort'),
    ...Base,
    buckets: z.array(z.strictObject({ id: CheckId, label: z.string().min(1) })).min(2),
    items: z.array(z.strictObject({ id: CheckId, text: z.string().min(1), bucket: CheckId })).min(2),
  })
  .refine((q) => q.items.every((i) => q.buckets.some((b) => b.id === i.bucket)), {
    message: 'every item must name one of the buckets',
  });

/** What to read from the sim once the actions have run; each names the JSON type of its value. */
export const Measure = z.discriminatedUnion('measure', [
  /** boolean: was the nth invoke of this function (1-based) a cold start? */
  z.strictObject({ measure: z.literal('coldStart'), function: z.string(), invoke: z.int().min(1) }),
  /** number: how many times the handler ran, retries included. */
  z.strictObject({ measure: z.literal('invocationCount'), function: z.string() }),
  /** number: execution environments created for the function. */
  z.strictObject({ measure: z.literal('environmentCount'), function: z.string() }),
  /** number: throttled invoke attempts. */
  z.strictObject({ measure: z.literal('throttleCount'), function: z.string() }),
  /** string[]: message bodies in a queue (a DLQ), in arrival order. */
  z.strictObject({ measure: z.literal('queueBodies'), queue: z.string() }),
  /** number: HTTP status of the nth `http` action. */
  z.strictObject({ measure: z.literal('httpStatus'), request: z.int().min(1) }),
  /** number: items in a table. */
  z.strictObject({ measure: z.literal('itemCount'), table: z.string() }),
  /** string | null: the errorType in the error payload of the nth `invoke` action's answer (null: no error). */
  z.strictObject({ measure: z.literal('errorType'), invoke: z.int().min(1) }),
  /** string[]: the versions of this function that ran, sorted, each once. */
  z.strictObject({ measure: z.literal('versionsRun'), function: z.string() }),
  /** JSON: the response payload of the nth synchronous `invoke` action's answer, parsed. */
  z.strictObject({ measure: z.literal('response'), invoke: z.int().min(1) }),
]);
export type Measure = z.infer<typeof Measure>;

export const PredictQuestion = z
  .strictObject({
    type: z.literal('predict'),
    ...Base,
    /** A world id of this lesson, or `<lesson-id>/<world-id>`. */
    world: z.string(),
    actions: z.array(Action).min(1),
    measure: Measure,
    choices: z.array(z.strictObject({ id: CheckId, text: z.string().min(1), value: Json })).min(2),
    /** The author's expected choice; CI runs the sim and proves the measure gives its value. */
    answer: CheckId,
  })
  .refine((q) => q.choices.some((c) => c.id === q.answer), {
    message: 'answer must be one of the choice ids',
  });

export const Question = z.discriminatedUnion('type', [
  SingleQuestion,
  MultipleQuestion,
  OrderQuestion,
  SortQuestion,
  PredictQuestion,
]);
export type Question = z.infer<typeof Question>;

export const Quiz = z.strictObject({
  id: CheckId,
  title: z.string().min(1),
  purpose: z.enum(['pause-point', 'practice', 'predict', 'final']),
  /** The module's pause points, 1 to 4, for instructor mode. */
  pausePoint: z.int().min(1).max(4).optional(),
  intro: z.string().optional(),
  questions: z.array(Question).min(1),
});
export type Quiz = z.infer<typeof Quiz>;

export const QuizFile = z.strictObject({ quizzes: z.array(Quiz).min(1) });
