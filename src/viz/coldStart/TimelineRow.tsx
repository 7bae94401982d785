/** One environment's row: its spans clipped to the frame time, with geometry in data attributes. */
import { memo } from 'react';
import { SNAPSHOT_TAKEN } from '../../sim';
import type { TimeScale } from '../common/scale';
import type { EnvRow, TimelineSpan } from './timelineTypes';

export interface TimelineRowProps {
  readonly row: EnvRow;
  readonly scale: TimeScale;
  readonly y: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly patterns: { readonly modeled: string; readonly error: string };
}

const INIT_TYPE_LABEL: Record<EnvRow['initType'], string> = {
  'on-demand': '',
  'provisioned-concurrency': 'PC',
  'snap-start': 'SnapStart',
};

function fillOf(s: TimelineSpan, patterns: TimelineRowProps['patterns']): string {
  switch (s.kind) {
    case 'init-modeled':
      return `url(#${patterns.modeled})`;
    case 'init-measured':
      return 'var(--viz-measured)';
    case 'invoke':
      return s.status === null || s.status === 'success' ? 'var(--viz-ok)' : `url(#${patterns.error})`;
    case 'wait':
      return 'var(--viz-measured)';
    case 'idle':
      return 'var(--viz-idle)';
    case 'shutdown':
      return 'var(--viz-line)';
    default: {
      const never: never = s.kind;
      return never;
    }
  }
}

/** The whole row, drawn once: the timeline covers what lies after the playhead instead of redrawing. */
function TimelineRowView({ row, scale, y, height, labelWidth, patterns }: TimelineRowProps) {
  const { fromMs, toMs } = scale;
  // The environment that took a SnapStart snapshot at publish served nothing: say so, not "SnapStart".
  const tag = row.shutdownReason === SNAPSHOT_TAKEN ? 'snapshot' : INIT_TYPE_LABEL[row.initType];
  const pad = 2;
  return (
    <g data-testid="timeline.row" data-env-id={row.envId} data-init-type={row.initType} data-row={row.index}>
      {row.initType === 'provisioned-concurrency' ? (
        <rect
          x={labelWidth}
          y={y}
          width={scale.width}
          height={height}
          fill="var(--bg)"
          data-kind="provisioned-band"
        />
      ) : null}
      {/* A row thinner than its 11 px label (a burst of many) goes unlabelled rather than overprinted. */}
      {height >= 11 ? (
        <text x={4} y={y + height - 3} className="muted">
          {`${row.envId.slice(0, labelWidth < 100 ? 5 : 8)}${tag ? ` ${tag}` : ''}`}
        </text>
      ) : null}
      {row.spans.map((s) => {
        if (s.endMs < fromMs || s.startMs > toMs) return null;
        const start = Math.max(s.startMs, fromMs);
        const end = Math.min(s.endMs, toMs);
        const x = scale.xOf(start);
        const common = {
          'data-testid': 'timeline.span',
          'data-env-id': row.envId,
          'data-kind': s.kind,
          'data-start-ms': s.startMs,
          'data-end-ms': s.endMs,
          'data-part': s.part ?? undefined,
          'data-status': s.status ?? undefined,
          'data-cold': s.kind === 'invoke' ? String(s.cold) : undefined,
          'data-suppressed': s.suppressed ? 'true' : undefined,
        };
        if (s.kind === 'shutdown') {
          return (
            <path
              key={spanKey(s)}
              {...common}
              d={`M${x - 3} ${y + pad}L${x + 3} ${y + height - pad}M${x + 3} ${y + pad}L${x - 3} ${y + height - pad}`}
              stroke="var(--viz-line)"
              strokeWidth={1.5}
            >
              <title>{`shutdown (${s.note ?? ''})`}</title>
            </path>
          );
        }
        const w = Math.max(s.kind === 'invoke' ? 1 : 0, scale.xOf(end) - x);
        const idle = s.kind === 'idle';
        // A wait is a band through the middle of its invoke: the invoke (and its bill) goes on around it.
        const wait = s.kind === 'wait';
        return (
          <g key={spanKey(s)}>
            <rect
              {...common}
              x={x}
              width={w}
              y={idle ? y + height / 2 - 1 : wait ? y + height / 3 : y + pad}
              height={idle ? 2 : wait ? height / 3 : height - pad * 2}
              fill={fillOf(s, patterns)}
              stroke={s.kind === 'init-modeled' || s.suppressed ? 'var(--viz-modeled)' : 'none'}
              strokeWidth={0.5}
            >
              <title>{spanTitle(s)}</title>
            </rect>
            {s.kind === 'invoke' && s.cold ? (
              <rect x={x} width={w} y={y + pad} height={2} fill="var(--viz-line)" data-kind="cold-marker" />
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/** Spans of a row never share kind, part, start and phase: a stable key without the index. */
function spanKey(s: TimelineSpan): string {
  return `${s.kind}:${s.part ?? ''}:${s.startMs}:${s.suppressed ? 's' : ''}`;
}

function spanTitle(s: TimelineSpan): string {
  const ms = `${(s.endMs - s.startMs).toFixed(2)} ms`;
  switch (s.kind) {
    case 'init-modeled':
      return `Init ${s.part} (modeled: ${s.model}) ${ms}`;
    case 'init-measured':
      return `Init module code (measured) ${ms}`;
    case 'invoke':
      return `${s.cold ? 'Cold' : 'Warm'} invoke ${s.requestId ?? ''} ${s.status ?? 'running'} ${ms}`;
    case 'wait':
      return `Waiting for a synchronous invoke of another function, billed all the while ${ms}`;
    case 'idle':
      return `Idle ${ms}`;
    case 'shutdown':
      return `Shutdown (${s.note ?? ''})`;
    default: {
      const never: never = s.kind;
      return never;
    }
  }
}

export const TimelineRow = memo(TimelineRowView);
