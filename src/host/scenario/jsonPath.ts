/** Dotted paths into plain JSON (numeric parts index arrays, `*` fans out over an array). */
import type { Json } from './events';

export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MISSING = Symbol('missing');
export type Found = Json | typeof MISSING;
export const isMissing = (v: Found): v is typeof MISSING => v === MISSING;

/** The value at a dotted path; numeric parts index arrays. `*` is handled by `setPath` only. */
export function getPath(value: Json, path: string): Found {
  let cur: Json = value;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) {
      const i = Number(part);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length) return MISSING;
      cur = cur[i] as Json;
    } else if (isObject(cur) && Object.hasOwn(cur, part)) {
      cur = cur[part] as Json;
    } else return MISSING;
  }
  return cur;
}

/** Sets a value by dotted path, creating objects on the way; `*` sets it in every array element. */
export function setPath(target: Json, path: string, value: Json | ((index: number) => Json)): void {
  const parts = path.split('.');
  const walk = (cur: Json, i: number, index: number): void => {
    const part = parts[i] as string;
    const last = i === parts.length - 1;
    const put = (container: JsonObject | Json[], key: string | number, idx: number) => {
      if (last) {
        const v = typeof value === 'function' ? value(idx) : structuredClone(value);
        (container as Record<string | number, Json>)[key] = v;
        return;
      }
      const rec = container as Record<string | number, Json>;
      let next = rec[key];
      if (next === undefined || next === null || typeof next !== 'object') {
        next = {};
        rec[key] = next;
      }
      walk(next, i + 1, idx);
    };
    if (part === '*') {
      if (!Array.isArray(cur)) throw new Error(`"${path}": * needs an array at that point`);
      cur.forEach((_, k) => {
        put(cur, k, k);
      });
    } else if (Array.isArray(cur)) {
      put(cur, Number(part), index);
    } else if (isObject(cur)) {
      put(cur, part, index);
    } else throw new Error(`"${path}": cannot set inside a ${typeof cur}`);
  };
  walk(target, 0, 0);
}
