/**
 * Event shapes for completions: the trigger templates (built by the simulation's own event builders, so
 * they are the shapes real triggers deliver), which one a test event looks like, and the keys found at a
 * path such as `event["Records"][0]["s3"]`.
 */
import { buildTemplate, EVENT_TEMPLATES } from '../../host/eventTemplates';

/** A path into an event: a key, or `number` for "an element of this list". */
export type EventPath = readonly (string | number)[];

export interface EventSample {
  /** Where the keys come from, for the completion's documentation. */
  readonly source: string;
  readonly value: unknown;
}

export interface KeyInfo {
  readonly key: string;
  /** A short description of the value: `str "Hello from SQS!"`, `list (1 item)`. */
  readonly detail: string;
  readonly source: string;
}

let samples: readonly { title: string; value: unknown }[] | null = null;

/** One sample event per trigger template, with its default options (built once, on first use). */
export function triggerSamples(): readonly { title: string; value: unknown }[] {
  samples ??= EVENT_TEMPLATES.map((t) => ({ title: t.title, value: buildTemplate(t) }));
  return samples;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Key paths of a value (list elements folded into `[]`), to compare shapes. */
function shapeKeys(value: unknown, prefix = '', depth = 0, out = new Set<string>()): Set<string> {
  if (depth > 5) return out;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 3)) shapeKeys(item, `${prefix}[]`, depth + 1, out);
  } else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      const path = `${prefix}.${key}`;
      out.add(path);
      shapeKeys(inner, path, depth + 1, out);
    }
  }
  return out;
}

/**
 * The trigger whose sample shares the most key paths with the test event (Jaccard similarity), when it
 * is alike enough to trust; null for an event of no known trigger, such as `{"name": "student"}`.
 */
export function detectTrigger(
  event: unknown,
  candidates: readonly { title: string; value: unknown }[] = triggerSamples(),
): { title: string; value: unknown } | null {
  const mine = shapeKeys(event);
  if (mine.size === 0) return null;
  let best: { title: string; value: unknown } | null = null;
  let bestScore = 0;
  for (const candidate of candidates) {
    const theirs = shapeKeys(candidate.value);
    let shared = 0;
    for (const key of mine) if (theirs.has(key)) shared += 1;
    const score = shared / (mine.size + theirs.size - shared);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore >= 0.3 ? best : null;
}

/** The value at `path`, following the first element of any list. */
export function valueAt(value: unknown, path: EventPath): unknown {
  let current = value;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step] ?? current[0];
    } else {
      if (!isObject(current)) return undefined;
      current = current[step];
    }
  }
  return current;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `list (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (isObject(value)) return `dict (${Object.keys(value).length} keys)`;
  if (typeof value === 'string')
    return `str ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `int ${value}` : `float ${value}`;
  if (typeof value === 'boolean') return `bool ${value ? 'True' : 'False'}`;
  return 'None';
}

/** The keys of the dicts found at `path` in each sample, first sample first, each key once. */
export function keysAt(samplesToRead: readonly EventSample[], path: EventPath): KeyInfo[] {
  const seen = new Map<string, KeyInfo>();
  for (const sample of samplesToRead) {
    const found = valueAt(sample.value, path);
    if (!isObject(found)) continue;
    for (const [key, inner] of Object.entries(found)) {
      if (!seen.has(key)) seen.set(key, { key, detail: describeValue(inner), source: sample.source });
    }
  }
  return [...seen.values()];
}

/** The samples completions read: the active test event, then the trigger it looks like. */
export function eventSamples(eventJson: string, eventName: string): EventSample[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(eventJson);
  } catch {
    return [];
  }
  const out: EventSample[] = [{ source: `the test event "${eventName}"`, value: parsed }];
  const trigger = detectTrigger(parsed);
  if (trigger) out.push({ source: `the ${trigger.title} event shape`, value: trigger.value });
  return out;
}
