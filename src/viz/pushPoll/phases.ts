/** Items that move through named phases over time, and per-phase counts as step series. */
import { createStepSeries, type StepSeries } from '../trace/search';

export interface Phase<K extends string> {
  readonly kind: K;
  readonly startMs: number;
  readonly endMs: number;
  /** Attempt (push) or receive count (poll) the phase belongs to. */
  readonly round: number;
  readonly note: string | null;
}

export interface PhaseBuilder<K extends string> {
  readonly phases: Phase<K>[];
  current: { kind: K; startMs: number; round: number; note: string | null } | null;
}

export function openPhase<K extends string>(
  b: PhaseBuilder<K>,
  kind: K,
  t: number,
  round: number,
  note: string | null = null,
): void {
  closePhase(b, t);
  b.current = { kind, startMs: t, round, note };
}

export function closePhase<K extends string>(b: PhaseBuilder<K>, t: number): void {
  const c = b.current;
  if (!c) return;
  b.phases.push({
    kind: c.kind,
    startMs: c.startMs,
    endMs: Math.max(c.startMs, t),
    round: c.round,
    note: c.note,
  });
  b.current = null;
}

/** Closes open phases at the trace end, marking nothing: an open phase simply reaches endMs. */
export function finishPhases<K extends string>(b: PhaseBuilder<K>, endMs: number): readonly Phase<K>[] {
  closePhase(b, endMs);
  return b.phases;
}

/** The phase an item is in at t (phases are contiguous or gapped, never overlapping). */
export function phaseAt<K extends string>(phases: readonly Phase<K>[], t: number): Phase<K> | null {
  let lo = 0;
  let hi = phases.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (phases[mid]!.startMs <= t) lo = mid + 1;
    else hi = mid;
  }
  const p = phases[lo - 1];
  return p && t < p.endMs ? p : null;
}

/** One step series per kind: how many items are in that phase at any time. */
export function countSeries<K extends string>(
  kinds: readonly K[],
  phaseLists: readonly (readonly Phase<K>[])[],
): Record<K, StepSeries> {
  const changes = new Map<K, [number, number][]>(kinds.map((k) => [k, []]));
  for (const list of phaseLists) {
    for (const p of list) {
      if (p.endMs <= p.startMs) continue;
      const c = changes.get(p.kind);
      c?.push([p.startMs, 1], [p.endMs, -1]);
    }
  }
  const out = {} as Record<K, StepSeries>;
  for (const k of kinds) out[k] = cumulative(changes.get(k) ?? []);
  return out;
}

/** Events at times (each +1) as a running count. */
export function countAt(times: readonly number[]): StepSeries {
  return cumulative(times.map((t) => [t, 1] as [number, number]));
}

function cumulative(deltas: [number, number][]): StepSeries {
  deltas.sort((a, b) => a[0] - b[0]);
  let v = 0;
  const steps: [number, number][] = [];
  for (const [t, d] of deltas) {
    v += d;
    steps.push([t, v]);
  }
  return createStepSeries(steps);
}
