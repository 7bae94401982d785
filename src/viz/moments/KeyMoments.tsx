/**
 * A run's key moments as one strip, in time order: cold, warm, idle, cold again; a 504 beside the later
 * 200. Each item names the moment, when it happened (from the run's start) and its figure; the moments of
 * the step on screen are marked. Shape and a symbol carry the kind, never colour alone.
 */
import '../viz.css';
import { formatOffset } from '../common/format';
import type { KeyMoment, MomentKind } from './keyMoments';

const SYMBOL: Record<MomentKind, string> = {
  cold: '▲',
  warm: '●',
  failed: '✕',
  throttled: '▼',
  idle: '≈',
  'http-ok': '✓',
  'http-error': '✕',
};

export interface KeyMomentsProps {
  readonly moments: readonly KeyMoment[];
  /** Offsets are counted from here (the run's first event). */
  readonly originMs: number;
  /** The step on screen: the moments starting inside it are marked as current. */
  readonly current?: { readonly fromMs: number; readonly toMs: number } | null;
  readonly title?: string;
}

export function KeyMoments({ moments, originMs, current = null, title = 'Key moments' }: KeyMomentsProps) {
  if (moments.length === 0) return null;
  return (
    <figure className="viz viz-moments" data-testid="moments">
      <figcaption className="viz-moments-title">{title}</figcaption>
      <ol className="viz-moments-list">
        {moments.map((m) => {
          // An answer can land at the step's very end; an idle stretch that starts there belongs to the next step.
          const now =
            current !== null &&
            m.startMs >= current.fromMs &&
            (m.kind === 'idle' ? m.startMs < current.toMs : m.startMs <= current.toMs);
          return (
            <li
              key={`${m.kind}-${m.startMs}`}
              className="viz-moment"
              data-kind={m.kind}
              data-current={now}
              aria-current={now ? 'step' : undefined}
              data-testid="moments.item"
            >
              <span className="viz-moment-title">
                <span aria-hidden="true">{SYMBOL[m.kind]}</span> {m.title}
              </span>
              <span className="viz-moment-detail">{m.detail}</span>
              <span className="viz-moment-at">
                {m.startMs === originMs ? 'at the start' : `at ${formatOffset(m.startMs, originMs)}`}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
