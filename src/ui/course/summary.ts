/**
 * The completion summary a student hands in: lessons, exercises passed, quiz scores and dates, as a plain
 * model with JSON and Markdown renderings. Pure: the component only downloads or prints it.
 */
import type { Course } from '../../lessons/course';
import { answerKey, exerciseKey, type ProgressDoc } from '../../store/progressSlice';
import { courseStats } from './courseStats';

export const SUMMARY_FORMAT = 'lambda-lab-completion-summary';

export interface ExerciseSummary {
  readonly id: string;
  readonly title: string;
  readonly status: 'not-started' | 'in-progress' | 'passed';
  readonly passedAt: string | null;
  readonly checkRuns: number;
  readonly hintsUsed: number;
  readonly solutionRevealed: boolean;
}

export interface QuizSummary {
  readonly id: string;
  readonly title: string;
  readonly correct: number;
  readonly answered: number;
  readonly total: number;
  readonly lastAnsweredAt: string | null;
}

export interface LessonSummary {
  readonly id: string;
  readonly title: string;
  readonly visitedAt: string | null;
  readonly completedAt: string | null;
  readonly completed: boolean;
  readonly exercises: readonly ExerciseSummary[];
  readonly quizzes: readonly QuizSummary[];
}

export interface CompletionSummaryModel {
  readonly format: typeof SUMMARY_FORMAT;
  readonly course: string;
  readonly student: string | null;
  readonly generatedAt: string;
  readonly totals: {
    readonly lessonsCompleted: number;
    readonly lessons: number;
    readonly exercisesPassed: number;
    readonly exercises: number;
    readonly questionsCorrect: number;
    readonly questions: number;
  };
  readonly lessons: readonly LessonSummary[];
}

const iso = (ms: number | null | undefined): string | null =>
  ms == null ? null : new Date(ms).toISOString();

export function buildSummary(
  course: Pick<Course, 'title' | 'lessons'>,
  progress: ProgressDoc,
  generatedAtMs: number,
  student: string | null = null,
): CompletionSummaryModel {
  const stats = courseStats(course, progress);
  const lessons = course.lessons.map((lesson): LessonSummary => {
    const lp = progress.lessons[lesson.id];
    const exercises = lesson.exercises.map((ex): ExerciseSummary => {
      const p = progress.exercises[exerciseKey(lesson.id, ex.id)];
      return {
        id: ex.id,
        title: ex.spec.title,
        status: p?.status ?? 'not-started',
        passedAt: iso(p?.firstPassedAt),
        checkRuns: p?.checkRuns ?? 0,
        hintsUsed: p?.hintsRevealed ?? 0,
        solutionRevealed: p?.solutionRevealedAt != null,
      };
    });
    const quizzes = lesson.quizzes.map((quiz): QuizSummary => {
      const answers = quiz.questions.map((q) => progress.answers[answerKey(lesson.id, quiz.id, q.id)]);
      const times = answers.flatMap((a) => (a === undefined ? [] : [a.answeredAt]));
      return {
        id: quiz.id,
        title: quiz.title,
        correct: answers.filter((a) => a?.correct === true).length,
        answered: times.length,
        total: quiz.questions.length,
        lastAnsweredAt: times.length === 0 ? null : iso(Math.max(...times)),
      };
    });
    return {
      id: lesson.id,
      title: lesson.meta.title,
      visitedAt: iso(lp?.visitedAt),
      completedAt: iso(lp?.completedAt),
      completed: stats.lessons.get(lesson.id)?.completed ?? false,
      exercises,
      quizzes,
    };
  });
  const all = [...stats.lessons.values()];
  const sum = (f: (s: (typeof all)[number]) => number) => all.reduce((n, s) => n + f(s), 0);
  return {
    format: SUMMARY_FORMAT,
    course: course.title,
    student,
    generatedAt: new Date(generatedAtMs).toISOString(),
    totals: {
      lessonsCompleted: stats.lessonsCompleted,
      lessons: course.lessons.length,
      exercisesPassed: sum((s) => s.exercisesPassed),
      exercises: sum((s) => s.exercisesTotal),
      questionsCorrect: sum((s) => s.questionsCorrect),
      questions: sum((s) => s.questionsTotal),
    },
    lessons,
  };
}

export function summaryToJson(summary: CompletionSummaryModel): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

const day = (isoText: string | null): string => (isoText === null ? '–' : isoText.slice(0, 10));
/** Table cells must not break the Markdown table. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function summaryToMarkdown(summary: CompletionSummaryModel): string {
  const t = summary.totals;
  const out: string[] = [
    `# ${summary.course}: completion summary`,
    '',
    ...(summary.student === null ? [] : [`Student: ${summary.student}`, '']),
    `Generated: ${summary.generatedAt}`,
    '',
    `- Lessons completed: ${t.lessonsCompleted} of ${t.lessons}`,
    `- Exercises passed: ${t.exercisesPassed} of ${t.exercises}`,
    `- Quiz questions correct: ${t.questionsCorrect} of ${t.questions}`,
    '',
  ];
  for (const l of summary.lessons) {
    out.push(`## ${l.title} (${l.id})`, '');
    out.push(
      `${l.completed ? 'Completed' : 'Not completed'}${l.completedAt === null ? '' : ` on ${day(l.completedAt)}`}; first opened ${day(l.visitedAt)}.`,
      '',
    );
    if (l.exercises.length > 0) {
      out.push(
        '| Exercise | Status | Passed on | Check runs | Hints | Solution shown |',
        '|---|---|---|---|---|---|',
      );
      for (const e of l.exercises) {
        out.push(
          `| ${cell(e.title)} | ${e.status} | ${day(e.passedAt)} | ${e.checkRuns} | ${e.hintsUsed} | ${e.solutionRevealed ? 'yes' : 'no'} |`,
        );
      }
      out.push('');
    }
    if (l.quizzes.length > 0) {
      out.push('| Quiz | Correct | Answered | Last answered |', '|---|---|---|---|');
      for (const q of l.quizzes) {
        out.push(
          `| ${cell(q.title)} | ${q.correct} of ${q.total} | ${q.answered} | ${day(q.lastAnsweredAt)} |`,
        );
      }
      out.push('');
    }
  }
  return out.join('\n');
}
