import { lazy } from 'react';
import { useLabStore } from '../../store/labStore';

/** Resolves after the browser has painted once, so heavy chunks never delay the first readable frame. */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Resolves once Python is ready or has failed, or after `capMs` (a page that runs no Python): heavy work
 * started then no longer competes with the interpreter's start for a small machine's cores.
 */
export function whenPythonSettles(capMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const settled = () => useLabStore.getState().python.state !== 'booting';
    if (settled()) return resolve();
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = useLabStore.subscribe(() => {
      if (settled()) done();
    });
    const timer = setTimeout(done, capMs);
  });
}

/**
 * Monaco is loaded lazily, once Python has started (its 1 MB of script would otherwise be parsed while the
 * interpreter starts): the lesson text is readable before it arrives. A Python editor is the handler
 * editor (file tree, syntax check, completions, deploy); JSON gets the plain one.
 */
export const LazyCodeEditor = lazy(() =>
  whenPythonSettles()
    .then(afterFirstPaint)
    .then(() => import('./EditorByLanguage')),
);
