/**
 * A draggable divider between two panels, operable by keyboard too (WAI-ARIA window splitter: a focusable
 * separator; arrows move it, Home/End go to the limits, Enter collapses or restores the panel).
 */
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';

interface SplitterProps {
  readonly label: string;
  readonly orientation: 'vertical' | 'horizontal';
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Keyboard step, in the value's own unit. */
  readonly step: number;
  /** Converts a pointer movement (px along the drag axis) into a new value, from the value at drag start. */
  readonly fromDrag: (start: number, deltaPx: number) => number;
  readonly onChange: (value: number) => void;
  readonly onToggle?: () => void;
  readonly testId: string;
  /** The value grows as the divider moves left or up (the panel after the divider): arrows follow the divider. */
  readonly inverted?: boolean;
}

export function Splitter(props: SplitterProps) {
  const { label, orientation, value, min, max, step, fromDrag, onChange, onToggle, testId, inverted } = props;
  const drag = useRef<{ origin: number; start: number } | null>(null);
  const along = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);
  const set = (next: number) => onChange(Math.min(max, Math.max(min, next)));

  const onKeyDown = (e: KeyboardEvent) => {
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    const towards = inverted ? -step : step;
    if (e.key === back) set(value - towards);
    else if (e.key === forward) set(value + towards);
    else if (e.key === 'Home') set(min);
    else if (e.key === 'End') set(max);
    else if (e.key === 'Enter' && onToggle) onToggle();
    else return;
    e.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <hr> cannot take focus or pointer drags; the ARIA window-splitter pattern uses role="separator"
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value * 100) / 100}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={`splitter splitter-${orientation}`}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onDoubleClick={onToggle}
      onPointerDown={(e) => {
        drag.current = { origin: along(e), start: value };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (drag.current) set(fromDrag(drag.current.start, along(e) - drag.current.origin));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      title={`${label}: drag, or use the arrow keys${onToggle ? '; Enter or double-click to collapse' : ''}`}
    />
  );
}
