/** The timeline's legend: every span kind with its swatch (patterns, not colour alone), and the fold mark. */
import { memo } from 'react';
import { Patterns, type patternIds } from '../common/Patterns';

export const TimelineLegend = memo(function TimelineLegend({
  patterns,
  prefix,
  folded,
}: {
  readonly patterns: ReturnType<typeof patternIds>;
  readonly prefix: string;
  readonly folded: boolean;
}) {
  const swatch = (fill: string, extra?: string) => (
    <svg width={22} height={12} aria-hidden="true">
      <rect x={1} y={1} width={20} height={10} fill={fill} stroke="var(--viz-modeled)" strokeWidth={0.5} />
      {extra === 'cold' ? <rect x={1} y={1} width={20} height={2} fill="var(--viz-line)" /> : null}
    </svg>
  );
  return (
    <ul className="viz-legend" aria-label="Legend">
      <li>
        <svg width={0} height={0} aria-hidden="true">
          <Patterns prefix={`${prefix}-legend`} />
        </svg>
        {swatch(`url(#${patterns.modeled.replace(prefix, `${prefix}-legend`)})`)} Init, platform part
        <span className="viz-modeled-tag">modeled</span>
      </li>
      <li>{swatch('var(--viz-measured)')} Init, module code (measured)</li>
      <li>{swatch('var(--viz-ok)', 'cold')} Cold invoke (edge on top)</li>
      <li>{swatch('var(--viz-ok)')} Warm invoke</li>
      <li>
        {swatch(`url(#${patterns.error.replace(prefix, `${prefix}-legend`)})`)} Failed invoke (cross-hatched)
      </li>
      <li>{swatch('var(--viz-idle)')} Idle</li>
      <li>✕ Shutdown · ▼ Throttle · PC = provisioned</li>
      {folded ? <li>≈ Idle time folded (its real length is labelled; not to scale)</li> : null}
    </ul>
  );
});
