/** Previous and next segment, and where we are: shared by the bar, the projector and the notes window. */
import type { Plan } from '../../instructor/plan';
import { useLabStore } from '../../store/labStore';

export function useSegment(plan: Plan) {
  const raw = useLabStore((s) => s.presenter.segment);
  const index = Math.min(Math.max(raw, 0), plan.segments.length - 1);
  const go = (to: number) => {
    const clamped = Math.min(Math.max(to, 0), plan.segments.length - 1);
    if (clamped !== index) useLabStore.getState().goToSegment(clamped);
  };
  return {
    index,
    segment: plan.segments[index],
    next: plan.segments[index + 1] ?? null,
    prev: () => go(index - 1),
    forward: () => go(index + 1),
    go,
  };
}

export function SegmentNav({
  plan,
  showTitle = true,
}: {
  readonly plan: Plan;
  readonly showTitle?: boolean;
}) {
  const { index, segment, prev, forward } = useSegment(plan);
  const total = plan.segments.length;
  return (
    <div className="segment-nav" data-testid="instructor.segment" data-index={index}>
      <button
        type="button"
        onClick={prev}
        disabled={index === 0}
        aria-label="Previous segment"
        data-testid="instructor.prev"
      >
        ◀
      </button>
      <span className="segment-where" aria-live="polite">
        <span className="segment-count">
          {index + 1}/{total}
        </span>
        {showTitle && segment ? (
          <span className="segment-title" data-testid="instructor.segment.title">
            {' '}
            {segment.title} <span className="muted">({segment.minutes} min)</span>
          </span>
        ) : null}
      </span>
      <button
        type="button"
        onClick={forward}
        disabled={index >= total - 1}
        aria-label="Next segment"
        data-testid="instructor.next"
      >
        ▶
      </button>
    </div>
  );
}
