/** Play, pause, step, replay, speed and scrub for any view; every control is a labelled native element. */
import '../viz.css';
import { useId } from 'react';
import { formatDuration } from '../common/format';
import { type Playback, SPEEDS } from './createPlayback';
import { usePlayback } from './usePlayback';

export interface PlaybackControlsProps {
  readonly playback: Playback;
  /** Names the view the controls drive, for screen readers ("Cold-start timeline"). */
  readonly label: string;
}

export function PlaybackControls({ playback, label }: PlaybackControlsProps) {
  const s = usePlayback(playback);
  const id = useId();
  const elapsed = s.timeMs - s.startMs;
  const total = s.endMs - s.startMs;
  return (
    <fieldset className="viz-controls" data-testid="viz.playback" aria-label={`${label} playback`}>
      <button
        type="button"
        data-testid="viz.playback.toggle"
        aria-label={s.playing ? 'Pause' : 'Play'}
        title={s.playing ? 'Pause' : s.ended ? 'Play from the start' : 'Play'}
        onClick={() => playback.toggle()}
      >
        {s.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        data-testid="viz.playback.back"
        onClick={() => playback.step(-1)}
        aria-label="Step back"
        title="Step back to the previous event"
      >
        |◀
      </button>
      <button
        type="button"
        data-testid="viz.playback.forward"
        onClick={() => playback.step(1)}
        aria-label="Step forward"
        title="Step to the next event"
      >
        ▶|
      </button>
      <button
        type="button"
        data-testid="viz.playback.replay"
        aria-label="Replay"
        title="Replay from the start"
        onClick={() => playback.replay()}
      >
        ↺
      </button>
      <label htmlFor={`${id}-speed`} className="viz-sr-only">
        Speed
      </label>
      <select
        id={`${id}-speed`}
        data-testid="viz.playback.speed"
        value={s.speed}
        onChange={(e) => playback.setSpeed(Number(e.currentTarget.value))}
      >
        {SPEEDS.map((x) => (
          <option key={x} value={x}>
            {x}×
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-time`} className="viz-sr-only">
        Virtual time
      </label>
      <input
        id={`${id}-time`}
        data-testid="viz.playback.scrub"
        type="range"
        min={0}
        max={Math.max(total, 0)}
        step="any"
        value={elapsed}
        aria-valuetext={`${formatDuration(elapsed)} of ${formatDuration(total)}`}
        onChange={(e) => playback.seek(s.startMs + Number(e.currentTarget.value))}
      />
      <output htmlFor={`${id}-time`} data-testid="viz.playback.time" aria-live="off">
        {formatDuration(elapsed)} / {formatDuration(total)}
      </output>
      <label htmlFor={`${id}-at`} className="viz-sr-only">
        Go to a virtual time (ms)
      </label>
      <input
        id={`${id}-at`}
        data-testid="viz.playback.at"
        className="viz-goto"
        type="number"
        min={0}
        max={Math.max(total, 0)}
        step="any"
        inputMode="decimal"
        placeholder="go to ms"
        title="Type a virtual time in ms from the start and press Enter"
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          const ms = Number(e.currentTarget.value);
          // An empty or malformed number reads as '' (NaN): nothing to jump to.
          if (e.currentTarget.value === '' || !Number.isFinite(ms)) return;
          playback.pause();
          playback.seek(s.startMs + ms);
        }}
      />
      {s.reducedMotion ? <span className="viz-modeled-tag">stepped frames (reduced motion)</span> : null}
    </fieldset>
  );
}
