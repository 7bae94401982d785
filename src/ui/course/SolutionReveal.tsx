/**
 * The solution behind deliberate friction (futurecoder): "Show the solution", then each confirmation,
 * optionally only after every hint; then the files, whole or revealed a few tokens at a time.
 */
import { useEffect, useRef } from 'react';
import type { Exercise } from '../../lessons/schema';
import { Markdown } from './SafeHtml';
import { maskSolution, tokenCount } from './solutionTokens';

const CONFIRMATIONS = [
  'Are you sure? You learn the most by struggling a little longer: re-read the goal, the hints and the feedback of the failed checks.',
  'Really sure? Once you have read the solution you cannot unsee it. Try explaining the problem out loud first.',
  'Last chance: one more attempt might be all it takes.',
];

const TOKEN_STEP = 5;

interface SolutionRevealProps {
  readonly solution: Exercise['solution'];
  /** Workspace path -> solution text. */
  readonly files: Readonly<Record<string, string>>;
  readonly hintsShown: number;
  readonly hintsTotal: number;
  readonly stage: number;
  readonly revealed: boolean;
  readonly tokensShown: number;
  readonly onAdvance: () => void;
  readonly onCancel: () => void;
  readonly onShowTokens: (count: number, total: number) => void;
}

export function SolutionReveal(p: SolutionRevealProps) {
  const { confirmations, afterHints, mode } = p.solution.reveal;
  const prompt = useRef<HTMLParagraphElement>(null);
  const asking = !p.revealed && p.stage >= 1 && p.stage <= confirmations;
  useEffect(() => {
    // Move focus to each new question so keyboard and screen-reader users meet it.
    if (asking) prompt.current?.focus();
  }, [asking]);

  if (!p.revealed) {
    const locked = afterHints && p.hintsShown < p.hintsTotal;
    return (
      <section className="course-solution" aria-label="Solution">
        {asking ? (
          <fieldset className="course-confirm">
            <legend className="visually-hidden">Confirm showing the solution</legend>
            <p ref={prompt} tabIndex={-1} data-testid="solution.prompt">
              {CONFIRMATIONS[Math.min(p.stage - 1, CONFIRMATIONS.length - 1)]}
            </p>
            <div className="course-row">
              <button type="button" onClick={p.onCancel} className="primary" data-testid="solution.cancel">
                No, I will keep trying
              </button>
              <button type="button" onClick={p.onAdvance} data-testid="solution.confirm">
                Yes, show it
              </button>
            </div>
          </fieldset>
        ) : (
          <>
            <button type="button" onClick={p.onAdvance} disabled={locked} data-testid="solution.show">
              Show the solution
            </button>
            {locked && <p className="muted">The solution can be shown once you have seen every hint.</p>}
          </>
        )}
      </section>
    );
  }

  const entries = Object.entries(p.files);
  const total = entries.reduce((n, [, text]) => n + tokenCount(text), 0);
  const stepwise = mode === 'token-by-token' && p.tokensShown < total;
  let budget = mode === 'token-by-token' ? p.tokensShown : Number.POSITIVE_INFINITY;
  return (
    <section className="course-solution" aria-label="Solution" data-testid="solution.view">
      <h4>Solution</h4>
      {entries.map(([path, text]) => {
        const shown = maskSolution(text, budget);
        budget = Math.max(0, budget - tokenCount(text));
        return (
          <figure key={path}>
            <figcaption>
              <code>{path}</code>
            </figcaption>
            <pre data-testid="solution.code">
              <code>{shown}</code>
            </pre>
          </figure>
        );
      })}
      {stepwise ? (
        <div className="course-row">
          <p className="muted" aria-live="polite">
            {p.tokensShown} of {total} words shown.
          </p>
          <button type="button" onClick={() => p.onShowTokens(TOKEN_STEP, total)} data-testid="solution.more">
            Show {TOKEN_STEP} more
          </button>
          <button type="button" onClick={() => p.onShowTokens(total, total)} data-testid="solution.all">
            Show all
          </button>
        </div>
      ) : (
        <Markdown text={p.solution.explanation} className="course-explanation" />
      )}
    </section>
  );
}
