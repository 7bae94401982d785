/** The session's results as CSV: one row per student per question asked, unanswered ones included. */

import { describeAnswer } from '../tally';
import type { Session } from './sessions';

const HEADER = [
  'question_number',
  'question',
  'lesson',
  'quiz',
  'question_id',
  'question_type',
  'student_id',
  'student_name',
  'answer',
  'correct',
  'seconds_to_answer',
];

/**
 * Quotes every cell (RFC 4180) and defuses spreadsheet formulas: names are typed by students, and a
 * cell starting with = + - @ would run as a formula when the instructor opens the file.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function sessionCsv(s: Session): string {
  const rows: (string | number)[][] = [HEADER];
  for (const round of s.rounds) {
    for (const student of s.students.values()) {
      const a = round.answers.get(student.id);
      rows.push([
        round.seq,
        round.ref.label,
        round.ref.lessonId,
        round.ref.quizId,
        round.ref.questionId,
        round.question.type,
        student.id,
        student.name,
        a ? describeAnswer(round.question, a.value) : '',
        a ? (a.correct ? 'yes' : 'no') : 'no answer',
        a ? ((a.at - round.openedAt) / 1000).toFixed(1) : '',
      ]);
    }
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const csvFilename = (s: Session): string =>
  `lambda-lab-class-${s.code}-${new Date(s.createdAt).toISOString().slice(0, 10)}.csv`;
