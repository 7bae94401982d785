/**
 * The controller side of the visualizers, loaded with the controller chunk the first time a view needs it;
 * views read it with React's `use`, inside the panel's Suspense boundary.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TraceEvent } from '../../sim';
import { useLabStore } from '../../store/labStore';

export type VizLab = typeof import('../../controller/scenarios/vizLab');

let loading: Promise<VizLab> | null = null;
export const loadVizLab = (): Promise<VizLab> => {
  loading ??= import('../../controller/scenarios/vizLab');
  return loading;
};

/** `value`, changing at most once per `ms` (the last change always arrives). */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    const show = () => {
      last.current = performance.now();
      setShown(value);
    };
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}

/**
 * The learner's world's trace, re-read when the world changes (at most four times a second, so a busy
 * world does not rebuild the models every frame). A copy: the world's own array keeps growing.
 */
export function useLearnerTrace(lab: VizLab): readonly TraceEvent[] {
  const version = useThrottled(
    useLabStore((s) => s.traceVersion),
    250,
  );
  const ready = useLabStore((s) => s.python.state === 'ready');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` and `ready` are the change signals
  return useMemo(() => lab.worldTrace().slice(), [lab, version, ready]);
}
