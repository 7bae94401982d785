/**
 * A learner's answer to a quiz question, as the progress document saves it. Its own module, without the
 * quiz schemas and in zod/mini, because the store loads it for the first paint.
 */
import { z } from 'zod/mini';

/** Choice ids (single, multiple, predict), item ids in order (order), item id -> bucket id (sort). */
export const quizAnswerValueSchema = z.union([z.array(z.string()), z.record(z.string(), z.string())]);
export type QuizAnswerValue = z.infer<typeof quizAnswerValueSchema>;
