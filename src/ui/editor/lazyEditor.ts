import { lazy } from 'react';

/** Resolves after the browser has painted once, so heavy chunks never delay the first readable frame. */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Monaco is loaded lazily, after the first paint: the lesson text is readable before it arrives. A Python
 * editor is the handler editor (file tree, syntax check, completions, deploy); JSON gets the plain one.
 */
export const LazyCodeEditor = lazy(() => afterFirstPaint().then(() => import('./EditorByLanguage')));
