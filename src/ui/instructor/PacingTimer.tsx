/** The lecture timer against the plan: elapsed, time left in the segment, pace (reveal.js colours). */
import { formatClock, PACE_LABEL, paceAt, timerElapsed } from '../../instructor/pacing';
import type { Plan } from '../../instructor/plan';
import { useLabStore } from '../../store/labStore';
import { useNow } from './useNow';

export function PacingTimer({
  plan,
  size = 'normal',
}: {
  readonly plan: Plan;
  readonly size?: 'normal' | 'big';
}) {
  const presenter = useLabStore((s) => s.presenter);
  const running = presenter.timer.runningSinceMs !== null;
  const now = useNow(running);
  const elapsed = timerElapsed(presenter.timer, now);
  const pace = paceAt(plan, presenter.segment, elapsed);
  const state = useLabStore.getState();
  const left = pace.segmentLeftMs;
  return (
    <div
      className={`pacing pacing-${size}`}
      data-testid="instructor.timer"
      data-pace={pace.status}
      data-running={running}
      data-elapsed-ms={Math.floor(elapsed / 1000) * 1000}
    >
      <span
        className={`pacing-clock pace-${pace.status}`}
        role="timer"
        aria-label={`Lecture time ${formatClock(elapsed)} of ${plan.minutes} minutes`}
      >
        <span data-testid="instructor.elapsed">{formatClock(elapsed)}</span>
        <span className="pacing-total"> / {plan.minutes}:00</span>
      </span>
      <span
        className={`pacing-status pace-${running ? pace.status : 'on-time'}`}
        data-testid="instructor.pace"
      >
        {/* A stopped clock is not ahead or behind: the pace means something only while it runs. */}
        {running ? PACE_LABEL[pace.status] : elapsed > 0 ? 'Paused' : 'Not started'}
        <span className="pacing-left">
          {left >= 0 ? ` · ${formatClock(left)} left` : ` · ${formatClock(-left)} over`}
        </span>
      </span>
      <span className="pacing-buttons">
        {running ? (
          <button
            type="button"
            onClick={() => state.pauseLectureTimer(Date.now())}
            aria-label="Pause lecture timer"
            data-testid="instructor.timer.pause"
          >
            Pause
          </button>
        ) : (
          <button
            type="button"
            onClick={() => state.startLectureTimer(Date.now())}
            aria-label={elapsed > 0 ? 'Resume lecture timer' : 'Start lecture timer'}
            data-testid="instructor.timer.start"
          >
            {elapsed > 0 ? 'Resume' : 'Start'}
          </button>
        )}
        <button
          type="button"
          onClick={() => state.resetLectureTimer()}
          disabled={elapsed === 0 && !running}
          aria-label="Reset lecture timer"
          data-testid="instructor.timer.reset"
        >
          Reset
        </button>
      </span>
      <span className="pacing-bar" aria-hidden="true">
        <span style={{ width: `${(pace.fraction * 100).toFixed(1)}%` }} />
      </span>
    </div>
  );
}
