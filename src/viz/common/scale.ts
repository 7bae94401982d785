/** Virtual time to pixels: one linear scale per drawing, also published as data attributes for e2e. */

export interface TimeScale {
  readonly fromMs: number;
  readonly toMs: number;
  readonly x0: number;
  readonly width: number;
  xOf(ms: number): number;
}

export function createTimeScale(fromMs: number, toMs: number, x0: number, width: number): TimeScale {
  const span = Math.max(1e-9, toMs - fromMs);
  return { fromMs, toMs, x0, width, xOf: (ms) => x0 + ((ms - fromMs) / span) * width };
}

/** About n round tick times between from and to (1, 2 or 5 times a power of ten ms). */
export function timeTicks(fromMs: number, toMs: number, n = 6): number[] {
  const span = toMs - fromMs;
  if (!(span > 0)) return [fromMs];
  const raw = span / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let k = 0; k * step <= span + 1e-9; k++) out.push(fromMs + k * step);
  return out;
}

export function dataScale(s: TimeScale): Record<string, string> {
  return {
    'data-from-ms': String(s.fromMs),
    'data-to-ms': String(s.toMs),
    'data-body-x': String(s.x0),
    'data-body-width': String(s.width),
  };
}
