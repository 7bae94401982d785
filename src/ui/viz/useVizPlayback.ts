/**
 * Playback for a view over a trace that may still grow: created once, its range follows the model, and a
 * playhead parked at the end stays at the end (a live world's newest events are shown as they arrive).
 */
import { useEffect, useRef, useState } from 'react';
import {
  createAnimationFrameScheduler,
  createPlayback,
  type Playback,
  type PlaybackState,
  type TimeStretch,
  usePlayback,
  usePrefersReducedMotion,
} from '../../viz';

export function useVizPlayback(
  startMs: number,
  endMs: number,
  keyTimes?: ArrayLike<number>,
  skips?: readonly TimeStretch[],
): { playback: Playback; state: PlaybackState } {
  const reducedMotion = usePrefersReducedMotion();
  const [playback] = useState(() =>
    createPlayback({ startMs, endMs, scheduler: createAnimationFrameScheduler(), reducedMotion }),
  );
  // A view opens on the whole picture; Play replays it from the start.
  const first = useRef(true);
  useEffect(() => {
    const before = playback.getState();
    const parked = !before.playing && before.timeMs >= before.endMs;
    playback.setRange(startMs, endMs, keyTimes);
    if (first.current || parked || before.startMs !== startMs) playback.seek(endMs);
    first.current = false;
  }, [playback, startMs, endMs, keyTimes]);
  useEffect(() => playback.setSkips(skips ?? []), [playback, skips]);
  useEffect(() => playback.setReducedMotion(reducedMotion), [playback, reducedMotion]);
  useEffect(() => () => playback.dispose(), [playback]);
  return { playback, state: usePlayback(playback) };
}

/** Distinct event times, ascending: where step forward and back stop. */
export function keyTimesOf(events: readonly { readonly t: number }[]): Float64Array {
  const out: number[] = [];
  for (const e of events) if (out.length === 0 || e.t > out[out.length - 1]!) out.push(e.t);
  return Float64Array.from(out);
}
