/**
 * What a student hands in: lessons, exercises passed, quiz scores and dates, downloadable as JSON or
 * Markdown and printable (the print stylesheet shows only this summary).
 */
import { useId, useMemo, useState } from 'react';
import type { Course } from '../../lessons/course';
import type { ProgressDoc } from '../../store/progressSlice';
import { buildSummary, summaryToJson, summaryToMarkdown } from './summary';
import './course.css';

export type SaveFile = (fileName: string, text: string, mimeType: string) => void;

/** A download through a temporary object URL: no server, works offline. */
export const downloadFile: SaveFile = (fileName, text, mimeType) => {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Marks the page so the print stylesheet shows the summary alone, then prints. */
export function printSummary(): void {
  const root = document.documentElement;
  root.dataset.print = 'course-summary';
  const done = () => {
    delete root.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export interface CompletionSummaryProps {
  readonly course: Pick<Course, 'title' | 'lessons'>;
  readonly progress: ProgressDoc;
  /** Injected for repeatable tests; the wall clock otherwise. */
  readonly now?: () => number;
  readonly saveFile?: SaveFile;
  readonly print?: () => void;
}

const fmt = (iso: string | null) => (iso === null ? '–' : new Date(iso).toLocaleDateString());

export function CompletionSummary({
  course,
  progress,
  now = Date.now,
  saveFile = downloadFile,
  print = printSummary,
}: CompletionSummaryProps) {
  const [student, setStudent] = useState('');
  const nameId = useId();
  const summary = useMemo(
    () => buildSummary(course, progress, now(), student.trim() === '' ? null : student.trim()),
    [course, progress, now, student],
  );
  const base = `lambda-lab-summary-${summary.generatedAt.slice(0, 10)}`;
  const t = summary.totals;
  return (
    <section className="course-summary" aria-labelledby="course-summary-heading" data-testid="summary.view">
      <h2 id="course-summary-heading">{summary.course}: completion summary</h2>
      <div className="course-row course-no-print">
        <label htmlFor={nameId}>Your name (optional)</label>
        <input id={nameId} value={student} onChange={(e) => setStudent(e.target.value)} autoComplete="name" />
      </div>
      {summary.student !== null && <p>Student: {summary.student}</p>}
      <p className="muted">Generated {new Date(summary.generatedAt).toLocaleString()}</p>
      <ul data-testid="summary.totals">
        <li>
          Lessons completed: {t.lessonsCompleted} of {t.lessons}
        </li>
        <li>
          Exercises passed: {t.exercisesPassed} of {t.exercises}
        </li>
        <li>
          Quiz questions correct: {t.questionsCorrect} of {t.questions}
        </li>
      </ul>
      {/* A narrow lesson column scrolls the table sideways rather than cutting off its last column. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section className="course-table-scroll" aria-label="Progress per lesson" tabIndex={0}>
        <table className="course-summary-table">
          <caption className="visually-hidden">Progress per lesson</caption>
          <thead>
            <tr>
              <th scope="col">Lesson</th>
              <th scope="col">Exercises passed</th>
              <th scope="col">Quiz score</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {summary.lessons.map((l) => {
              const passed = l.exercises.filter((e) => e.status === 'passed').length;
              const correct = l.quizzes.reduce((n, q) => n + q.correct, 0);
              const total = l.quizzes.reduce((n, q) => n + q.total, 0);
              return (
                <tr key={l.id} data-testid="summary.lesson">
                  <th scope="row">{l.title}</th>
                  <td>{l.exercises.length === 0 ? '–' : `${passed} of ${l.exercises.length}`}</td>
                  <td>{total === 0 ? '–' : `${correct} of ${total}`}</td>
                  <td>{l.completed ? (l.completedAt === null ? 'yes' : fmt(l.completedAt)) : 'not yet'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <div className="course-row course-no-print">
        <button
          type="button"
          onClick={() => saveFile(`${base}.json`, summaryToJson(summary), 'application/json')}
          data-testid="summary.json"
        >
          Download JSON
        </button>
        <button
          type="button"
          onClick={() => saveFile(`${base}.md`, summaryToMarkdown(summary), 'text/markdown')}
          data-testid="summary.markdown"
        >
          Download Markdown
        </button>
        <button type="button" onClick={print} data-testid="summary.print">
          Print
        </button>
      </div>
    </section>
  );
}
