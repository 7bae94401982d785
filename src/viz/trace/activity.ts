/**
 * Where a world's activity begins: setting a world up (roles, functions, queues, mappings) happens at its
 * first instant, perhaps minutes before the first request; a view starts its axis at the first request,
 * environment or message instead, so the activity is not squeezed into the right edge.
 */
import type { TraceLike } from './looseEvents';

const SETUP_PREFIXES = [
  'iam.',
  'aws.call',
  'lambda.function.',
  'lambda.permission.',
  'lambda.version.',
  'lambda.alias.',
  'lambda.concurrency.',
  'esm.created',
  'esm.scaling.',
];

export function isSetupEvent(name: string): boolean {
  if (name === 'lambda.env.created') return false;
  return name.endsWith('.created') || SETUP_PREFIXES.some((p) => name.startsWith(p));
}

/** The time of the first event that is not set-up; null when there is none. */
export function activityStartMs(events: readonly TraceLike[]): number | null {
  for (const e of events) if (!isSetupEvent(e.name)) return e.t;
  return null;
}
