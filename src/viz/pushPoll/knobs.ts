/** The live knobs of the push/poll view: names, labels and the ranges Lambda and SQS allow (facts §5). */

export type KnobName =
  | 'maximumRetryAttempts'
  | 'maximumEventAgeS'
  | 'reservedConcurrency'
  | 'batchSize'
  | 'batchingWindowS'
  | 'visibilityTimeoutS'
  | 'maxReceiveCount'
  | 'maximumConcurrency';

export interface KnobSpec {
  readonly name: KnobName;
  readonly lane: 'push' | 'poll';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export const KNOBS: readonly KnobSpec[] = [
  { name: 'maximumRetryAttempts', lane: 'push', label: 'Retry attempts', min: 0, max: 2, step: 1 },
  { name: 'maximumEventAgeS', lane: 'push', label: 'Maximum event age (s)', min: 60, max: 21_600, step: 60 },
  { name: 'reservedConcurrency', lane: 'push', label: 'Reserved concurrency', min: 0, max: 1000, step: 1 },
  { name: 'batchSize', lane: 'poll', label: 'Batch size', min: 1, max: 10_000, step: 1 },
  { name: 'batchingWindowS', lane: 'poll', label: 'Batching window (s)', min: 0, max: 300, step: 1 },
  { name: 'visibilityTimeoutS', lane: 'poll', label: 'Visibility timeout (s)', min: 0, max: 43_200, step: 1 },
  { name: 'maxReceiveCount', lane: 'poll', label: 'Max receive count (redrive)', min: 1, max: 1000, step: 1 },
  { name: 'maximumConcurrency', lane: 'poll', label: 'Maximum concurrency', min: 2, max: 1000, step: 1 },
];

export type KnobValues = Partial<Record<KnobName, number>>;

/** A typed value clamped to the knob's range; NaN keeps the old value. */
export function clampKnob(name: KnobName, value: number, previous: number): number {
  const spec = KNOBS.find((k) => k.name === name)!;
  if (!Number.isFinite(value)) return previous;
  return Math.min(spec.max, Math.max(spec.min, Math.round(value / spec.step) * spec.step));
}
