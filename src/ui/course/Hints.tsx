import { Markdown } from './SafeHtml';

interface HintsProps {
  readonly hints: readonly string[];
  readonly shown: number;
  readonly onNext: () => void;
}

/** Hints one at a time, with "Hint N of M" (futurecoder's Hints.js). */
export function Hints({ hints, shown, onNext }: HintsProps) {
  const visible = hints.slice(0, shown);
  const left = shown < hints.length;
  return (
    <section className="course-hints" aria-label="Hints">
      {visible.length > 0 && (
        <ol aria-live="polite">
          {visible.map((hint, i) => (
            // Hints never reorder, so the index is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: hints are a fixed list
            <li key={i} data-testid="hint.text">
              <p className="muted" data-testid="hint.counter">
                Hint {i + 1} of {hints.length}
              </p>
              <Markdown text={hint} />
            </li>
          ))}
        </ol>
      )}
      {left ? (
        <button type="button" onClick={onNext} data-testid="hint.next">
          {shown === 0 ? 'Show a hint' : 'Next hint'}{' '}
          <span className="muted">
            ({shown + 1} of {hints.length})
          </span>
        </button>
      ) : (
        <p className="muted">That was the last hint.</p>
      )}
    </section>
  );
}
