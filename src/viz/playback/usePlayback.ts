/** React bindings for playback: the state as an external store, and the user's reduced-motion setting. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Playback, PlaybackState } from './createPlayback';

export function usePlayback(playback: Playback): PlaybackState {
  return useSyncExternalStore(playback.subscribe, playback.getState, playback.getState);
}

const QUERY = '(prefers-reduced-motion: reduce)';

export function usePrefersReducedMotion(): boolean {
  const get = () =>
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia(QUERY).matches;
  const [reduced, setReduced] = useState(get);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(QUERY);
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}
