import { describe, expect, it } from 'vitest';
import { gradeQuestion } from '../lessons/grade';
import { answerProblem, correctAnswer, describeAnswer } from './tally';
import { multiple, order, single, sort } from './testQuestions';

describe('classroom.tally', () => {
  it('classroom.tally.correct: the right answer fits, grades right and reads in words', () => {
    for (const q of [single, multiple, order, sort]) {
      const right = correctAnswer(q);
      expect(answerProblem(q, right)).toBeNull();
      expect(gradeQuestion(q, right)).toBe(true);
    }
    expect(describeAnswer(single, correctAnswer(single))).toBe('The warm one');
    expect(describeAnswer(multiple, correctAnswer(multiple))).toBe('First request after idle | A burst');
    expect(describeAnswer(order, correctAnswer(order))).toBe('Init > Invoke > Shutdown');
    expect(describeAnswer(sort, correctAnswer(sort))).toBe('SNS: Push; SQS: Poll');
  });
});
