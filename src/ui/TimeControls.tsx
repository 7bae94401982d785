/**
 * Virtual time controls for the learner's world: play and pause, speed (0.1x to 1000x), step to the next
 * scheduled event, and skip ahead 15 minutes (idle environments are reaped, so the next invoke is cold).
 */
import { useEffect } from 'react';
import { CLOCK_SPEEDS, type ClockSpeed } from '../store/clockSlice';
import { useLabStore } from '../store/labStore';

const clock = () => import('../controller/lab/labClock');

const SKIP_MS = 15 * 60_000;

/** Virtual wall time as the console would print it (UTC), to the millisecond. */
export function formatVirtualTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 23)} UTC`;
}

export function TimeControls() {
  const ready = useLabStore((s) => s.python.state === 'ready');
  const { playing, speed, nowMs, busy } = useLabStore((s) => s.clock);
  const setClock = useLabStore((s) => s.setClock);
  useEffect(() => {
    if (ready) void clock().then((c) => c.startClock());
  }, [ready]);
  const disabled = !ready || busy;
  return (
    <fieldset className="time-controls" aria-label="Virtual time" data-testid="clock">
      <button
        type="button"
        onClick={() => setClock({ playing: !playing })}
        aria-pressed={playing}
        data-testid="clock.play"
        disabled={!ready}
        title={playing ? 'Pause virtual time' : 'Let virtual time run'}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <label>
        <span className="visually-hidden">Speed</span>
        <select
          value={speed}
          onChange={(e) => setClock({ speed: Number(e.target.value) as ClockSpeed })}
          data-testid="clock.speed"
          title="How fast virtual time runs against the wall clock"
        >
          {CLOCK_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={disabled}
        onClick={() => void clock().then((c) => c.stepClock())}
        data-testid="clock.step"
        title="Run the next scheduled event"
      >
        Step
      </button>
      <button
        type="button"
        disabled={disabled}
        onClick={() => void clock().then((c) => c.skipClock(SKIP_MS))}
        data-testid="clock.skip"
        title="Jump 15 minutes ahead: idle execution environments are shut down, so the next invoke is cold"
      >
        +15 min
      </button>
      <output data-testid="clock.now" aria-live="off" title="The simulated world's clock">
        {nowMs === null ? '--:--:--' : formatVirtualTime(nowMs)}
        {busy ? ' …' : ''}
      </output>
    </fieldset>
  );
}
