/** The live answer histogram: one bar per choice (or per score), counts as text, the answer marked in words. */
import type { Histogram as HistogramData } from '../../classroom/protocol';
import { InlineMarkdown } from '../course/SafeHtml';

export function Histogram({ histogram: h }: { readonly histogram: HistogramData }) {
  const scale = Math.max(1, h.answered);
  return (
    <figure className="classroom-histogram" data-testid="classroom.histogram" data-answered={h.answered}>
      <figcaption aria-live="polite">
        <strong data-testid="classroom.answered">{h.answered}</strong> answered, {h.connected} connected,{' '}
        {h.joined} joined
        {h.correctCount !== null && (
          <>
            {' '}
            · <strong data-testid="classroom.correct-count">{h.correctCount}</strong> right
          </>
        )}
      </figcaption>
      <ul>
        {h.buckets.map((b) => (
          <li
            key={b.id}
            data-testid="classroom.bar"
            data-bucket={b.id}
            data-count={b.count}
            data-correct={b.correct === undefined ? undefined : String(b.correct)}
          >
            <span className="classroom-bar-label">
              <InlineMarkdown text={b.label} />
              {b.correct === true && <span className="ok"> ✓ the answer</span>}
            </span>
            <span className="classroom-bar-track" aria-hidden="true">
              <span className="classroom-bar-fill" style={{ width: `${(100 * b.count) / scale}%` }} />
            </span>
            <span className="classroom-bar-count">{b.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
