/** Zoom and pan of the timeline's axis as pure moves of the visible fraction [u0, u1]. */
import { type AxisView, FULL_VIEW } from './timeAxis';

/** The deepest zoom: 1/64 of the whole axis. */
export const MAX_ZOOM = 64;

const clampView = (u0: number, u1: number): AxisView => {
  const w = Math.min(1, Math.max(1 / MAX_ZOOM, u1 - u0));
  const start = Math.min(1 - w, Math.max(0, u0));
  return w >= 1 ? FULL_VIEW : { u0: start, u1: start + w };
};

/** Zoom by factor (> 1 in, < 1 out) keeping `centerU` (a fraction of the whole axis) where it is. */
export function zoomView(view: AxisView, factor: number, centerU = (view.u0 + view.u1) / 2): AxisView {
  const w = Math.min(1, Math.max(1 / MAX_ZOOM, (view.u1 - view.u0) / factor));
  const c = Math.min(view.u1, Math.max(view.u0, centerU));
  const k = (c - view.u0) / Math.max(1e-9, view.u1 - view.u0);
  return clampView(c - k * w, c - k * w + w);
}

/** Pan by a fraction of the visible width (negative: towards earlier times), stopping at the ends. */
export function panView(view: AxisView, byVisible: number): AxisView {
  const d = (view.u1 - view.u0) * byVisible;
  return clampView(view.u0 + d, view.u1 + d);
}

export const zoomOf = (view: AxisView) => 1 / (view.u1 - view.u0);

/** The zoom keys (+ and - zoom around `focusU`, arrows pan a quarter, 0 resets); null for any other key. */
export function viewForKey(view: AxisView, key: string, focusU: number): AxisView | null {
  if (key === '+' || key === '=') return zoomView(view, 2, focusU);
  if (key === '-') return zoomView(view, 0.5, focusU);
  if (key === 'ArrowLeft') return panView(view, -0.25);
  if (key === 'ArrowRight') return panView(view, 0.25);
  if (key === '0') return FULL_VIEW;
  return null;
}
