/** Questions for the classroom tests, one per shape the histogram handles, validated like course content. */
import { MultipleQuestion, OrderQuestion, SingleQuestion, SortQuestion } from '../lessons/quiz';
import type { QuestionRef } from './protocol';

export const single = SingleQuestion.parse({
  type: 'single',
  id: 'cold-or-warm',
  prompt: 'A second request arrives 2 s after the first. Which environment serves it?',
  explanation: 'The first environment is idle and warm, so Lambda reuses it.',
  choices: [
    { id: 'warm', text: 'The warm one', correct: true },
    { id: 'new', text: 'A new one' },
    { id: 'both', text: 'Both, in turn' },
  ],
});

export const multiple = MultipleQuestion.parse({
  type: 'multiple',
  id: 'causes',
  prompt: 'Which of these cause cold starts?',
  explanation: 'Idleness, scaling out and updates all need new environments.',
  choices: [
    { id: 'first', text: 'First request after idle', correct: true },
    { id: 'burst', text: 'A burst', correct: true },
    { id: 'long', text: 'A long handler' },
  ],
});

export const order = OrderQuestion.parse({
  type: 'order',
  id: 'phases',
  prompt: 'Put the phases in order.',
  explanation: 'Init, then Invoke, then Shutdown.',
  items: [
    { id: 'init', text: 'Init' },
    { id: 'invoke', text: 'Invoke' },
    { id: 'shutdown', text: 'Shutdown' },
  ],
});

export const sort = SortQuestion.parse({
  type: 'sort',
  id: 'push-poll',
  prompt: 'Push or poll?',
  explanation: 'SNS pushes; Lambda polls SQS.',
  buckets: [
    { id: 'push', label: 'Push' },
    { id: 'poll', label: 'Poll' },
  ],
  items: [
    { id: 'sns', text: 'SNS', bucket: 'push' },
    { id: 'sqs', text: 'SQS', bucket: 'poll' },
  ],
});

export const refOf = (questionId: string): QuestionRef => ({
  lessonId: '07-cold-starts',
  quizId: 'test-quiz',
  questionId,
  label: `Test quiz · ${questionId}`,
});
