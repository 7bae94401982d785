/**
 * Event filtering of event source mappings (FilterCriteria): up to five patterns in EventBridge's syntax; a
 * record is delivered when any pattern matches it. The pattern sees the record as Lambda filters it: an
 * SQS body or a Kinesis `data` that is JSON is matched as JSON, otherwise as the plain string.
 */
import { matchesPattern } from './eventPattern';
import { isObject, type Json, type JsonObject } from './json';
import { serviceError } from './serviceError';

export type RecordFilter = (record: JsonObject) => boolean;

const parsed = (text: Json | undefined): Json | undefined => {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
};

const decode = (b64: Json | undefined): Json | undefined => {
  if (typeof b64 !== 'string') return b64;
  try {
    return parsed(new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))));
  } catch {
    return b64;
  }
};

/** What a pattern is matched against: SQS records with the body parsed, Kinesis records' `kinesis` part. */
function filterable(record: JsonObject): JsonObject {
  if (record.eventSource === 'aws:sqs') return { ...record, body: parsed(record.body) ?? null };
  if (record.eventSource === 'aws:kinesis' && isObject(record.kinesis))
    return { ...record.kinesis, data: decode(record.kinesis.data) ?? null };
  return record;
}

/** The mapping's filter from CreateEventSourceMapping's FilterCriteria, or null when it has none. */
export function recordFilter(criteria: Json | undefined): RecordFilter | null {
  if (criteria === undefined || criteria === null) return null;
  const filters = isObject(criteria) && Array.isArray(criteria.Filters) ? criteria.Filters : null;
  if (!filters || filters.length > 5)
    throw serviceError(
      'InvalidParameterValueException',
      'FilterCriteria takes Filters, a list of at most 5.',
      400,
    );
  const patterns = filters.map((f) => {
    const text = isObject(f) ? f.Pattern : undefined;
    try {
      const p = JSON.parse(String(text)) as Json;
      if (isObject(p)) return p;
    } catch {
      // Refused below with the pattern's text.
    }
    throw serviceError(
      'InvalidParameterValueException',
      `Invalid filter pattern definition: ${String(text)}`,
      400,
    );
  });
  if (patterns.length === 0) return null;
  return (record) => {
    const value = filterable(record);
    return patterns.some((p) => matchesPattern(p, value));
  };
}
