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
        aria-pressed={s.playing}
        onClick={() => playback.toggle()}
      >
        {s.playing ? 'Pause' : s.ended ? 'Play again' : 'Play'}
      </button>
      <button
        type="button"
        data-testid="viz.playback.back"
        onClick={() => playback.step(-1)}
        aria-label="Step back"
      >
        ◀︎ Step
      </button>
      <button
        type="button"
        data-testid="viz.playback.forward"
        onClick={() => playback.step(1)}
        aria-label="Step forward"
      >
        Step ▶︎
      </button>
      <button type="button" data-testid="viz.playback.replay" onClick={() => playback.replay()}>
        Replay
      </button>
      <label htmlFor={`${id}-speed`}>Speed</label>
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
      <label htmlFor={`${id}-time`}>Virtual time</label>
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
      {s.reducedMotion ? <span className="viz-modeled-tag">stepped frames (reduced motion)</span> : null}
    </fieldset>
  );
}
