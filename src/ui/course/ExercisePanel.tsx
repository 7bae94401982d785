/**
 * An exercise card: goal and checklist, "load the starter", "check my solution" with the results as a
 * checklist, hints one at a time, the solution behind friction, and a diff against it once passed.
 */
import { useState } from 'react';
import type { ExerciseContent } from '../../lessons/course';
import {
  type ExerciseCheckResult,
  type ExerciseProgress,
  emptyExerciseProgress,
  exerciseKey,
  type ProgressActions,
} from '../../store/progressSlice';
import { DiffView } from './DiffView';
import { Hints } from './Hints';
import { PackageBuilder } from './PackageBuilder';
import { InlineMarkdown, Markdown } from './SafeHtml';
import { SolutionReveal } from './SolutionReveal';
import './course.css';

export type ExerciseActions = Pick<
  ProgressActions,
  | 'startExercise'
  | 'revealHint'
  | 'advanceSolutionReveal'
  | 'cancelSolutionReveal'
  | 'showSolutionTokens'
  | 'recordCheck'
>;

export interface ExercisePanelProps {
  readonly exercise: ExerciseContent;
  /** `progress.exercises[exerciseKey(lesson, exercise)]`. */
  readonly progress: ExerciseProgress | undefined;
  readonly actions: ExerciseActions;
  /** Puts the starter files (and starter config) into the workspace. */
  readonly onLoadStarter: (exercise: ExerciseContent) => void;
  /** Runs the hidden checks against the learner's workspace. */
  readonly onCheck: (exercise: ExerciseContent) => Promise<readonly ExerciseCheckResult[]>;
  /** The learner's current text of the exercise's files (workspace path -> text), for the diff. */
  readonly learnerFiles?: Readonly<Record<string, string>>;
}

const STATUS: Record<ExerciseProgress['status'], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  passed: 'Passed',
};

export function ExercisePanel({
  exercise,
  progress,
  actions,
  onLoadStarter,
  onCheck,
  learnerFiles,
}: ExercisePanelProps) {
  const { spec } = exercise;
  const key = exerciseKey(exercise.lessonId, exercise.id);
  const p = progress ?? emptyExerciseProgress();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = `exercise-${exercise.lessonId}-${exercise.id}`;

  const check = async () => {
    setChecking(true);
    setError(null);
    try {
      const results = await onCheck(exercise);
      actions.recordCheck(key, results, learnerFiles ?? {});
    } catch (e) {
      setError(`The checks could not run: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setChecking(false);
    }
  };
  const passedCount = p.lastResults.filter((r) => r.passed).length;
  const diffFrom = learnerFiles ?? p.passedFiles;

  return (
    <section className="course-card course-exercise" aria-labelledby={headingId} data-status={p.status}>
      <header>
        <p className="course-kicker">
          Exercise · about {spec.minutes} min ·{' '}
          <span className={p.status === 'passed' ? 'ok' : undefined} data-testid="exercise.status">
            {STATUS[p.status]}
          </span>
        </p>
        <h3 id={headingId}>{spec.title}</h3>
      </header>
      <Markdown text={spec.goal} />
      <h4>Your solution should</h4>
      <ul className="course-requirements">
        {spec.requirements.map((r) => (
          <li key={r}>
            <InlineMarkdown text={r} />
          </li>
        ))}
      </ul>
      <div className="course-row">
        <button
          type="button"
          onClick={() => {
            actions.startExercise(key);
            onLoadStarter(exercise);
          }}
          data-testid="exercise.starter"
        >
          Load the starter into the editor
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void check()}
          disabled={checking}
          data-testid="exercise.check"
        >
          {checking ? 'Checking…' : 'Check my solution'}
        </button>
      </div>
      <div aria-live="polite" data-testid="exercise.results">
        {error !== null && <p className="bad">{error}</p>}
        {!checking && p.lastResults.length > 0 && (
          <>
            <p className={passedCount === p.lastResults.length ? 'ok' : 'bad'}>
              <strong>
                {passedCount === p.lastResults.length
                  ? 'Every check passed.'
                  : `${passedCount} of ${p.lastResults.length} checks passed.`}
              </strong>
            </p>
            <ul className="course-checklist">
              {p.lastResults.map((r) => (
                <li key={r.checkId} data-passed={r.passed} data-testid="exercise.result">
                  <span aria-hidden="true" className={r.passed ? 'ok' : 'bad'}>
                    {r.passed ? '✓' : '✗'}
                  </span>{' '}
                  <span className="visually-hidden">{r.passed ? 'Passed:' : 'Failed:'}</span> {r.title}
                  {!r.passed && r.feedback !== undefined && <Markdown text={r.feedback} />}
                </li>
              ))}
            </ul>
            <p data-testid="exercise.timeModel">
              <small>
                Checks count your code's Python work instead of timing it, so the Durations and latencies they
                judge are modeled and the same on any machine; your own Test measures (calibrated).
              </small>
            </p>
          </>
        )}
      </div>
      {spec.packages && <PackageBuilder exercise={exercise} functions={spec.packages.functions} />}
      <Hints
        hints={spec.hints}
        shown={p.hintsRevealed}
        onNext={() => actions.revealHint(key, spec.hints.length)}
      />
      {spec.solution.reveal.mode !== 'never' && (
        <SolutionReveal
          solution={spec.solution}
          files={exercise.solution}
          hintsShown={p.hintsRevealed}
          hintsTotal={spec.hints.length}
          stage={p.revealStage}
          revealed={p.solutionRevealedAt !== null}
          tokensShown={p.solutionTokensShown}
          onAdvance={() => actions.advanceSolutionReveal(key, spec.solution.reveal.confirmations)}
          onCancel={() => actions.cancelSolutionReveal(key)}
          onShowTokens={(count, total) => actions.showSolutionTokens(key, count, total)}
        />
      )}
      {p.status === 'passed' && spec.solution.diffWhenDone && diffFrom !== null && (
        <DiffView
          files={spec.files.map((f) => ({
            path: f.path,
            learner: diffFrom[f.path] ?? '',
            solution: exercise.solution[f.path] ?? '',
          }))}
        />
      )}
    </section>
  );
}
