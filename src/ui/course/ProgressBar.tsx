import { percent } from './courseStats';

interface ProgressBarProps {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  /** Unit for the spoken value: "3 of 8 steps". */
  readonly unit?: string;
}

/** A labelled bar that reads as "3 of 8 steps (38%)" to assistive technology. */
export function ProgressBar({ label, done, total, unit = 'steps' }: ProgressBarProps) {
  const pct = percent(done, total);
  return (
    <div
      className="course-bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total} ${unit} (${pct}%)`}
      data-testid="progress.bar"
      data-percent={pct}
    >
      <div className="course-bar-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
