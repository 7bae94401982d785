/**
 * Reading the trace tolerantly: the visualizers accept any dotted event (service traces are still being
 * added), read payload fields by name with a type check, and ignore what they do not know.
 */
import type { TraceEvent } from '../../sim';

/** The shape every trace event has; payload fields are read with the helpers below. */
export interface TraceLike {
  readonly name: string;
  readonly t: number;
  readonly seq: number;
}

/** Known Lambda events narrow by name; unknown (service) events stay loose. */
export function asKnown(e: TraceLike): TraceEvent {
  return e as TraceEvent;
}

function field(e: TraceLike, key: string): unknown {
  return (e as unknown as Readonly<Record<string, unknown>>)[key];
}

/** The first string among the given payload keys, or null. */
export function str(e: TraceLike, ...keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = field(e, k);
    if (typeof v === 'string') return v;
  }
  return null;
}

export function num(e: TraceLike, ...keys: readonly string[]): number | null {
  for (const k of keys) {
    const v = field(e, k);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

/** String ids from a string array, or from an array of objects carrying one of `idKeys`. */
export function ids(e: TraceLike, key: string, ...idKeys: readonly string[]): string[] {
  const v = field(e, key);
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const item of v as readonly unknown[]) {
    if (typeof item === 'string') out.push(item);
    else if (item !== null && typeof item === 'object') {
      for (const k of idKeys) {
        const id = (item as Readonly<Record<string, unknown>>)[k];
        if (typeof id === 'string') {
          out.push(id);
          break;
        }
      }
    }
  }
  return out;
}

/** The payload without name/t/seq, as pretty JSON for the inspector and the event table. */
export function payloadJson(e: TraceLike): string {
  const { name: _n, t: _t, seq: _s, ...rest } = e as unknown as Readonly<Record<string, unknown>>;
  return JSON.stringify(rest, null, 2);
}
