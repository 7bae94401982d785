/** Plain-JSON helpers for checks: dotted paths (with `*`), deep equality, ranges and value assertions. */

import type { Json } from '../../host/scenario/events';
import { type Found, getPath, isMissing, isObject } from '../../host/scenario/jsonPath';
import type { NumRange, ValueAssertion } from '../checks';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return false;
}

/** `expected` is contained in `actual`: objects by key (recursively), everything else equal. */
export function includes(actual: unknown, expected: unknown): boolean {
  if (isObject(expected))
    return isObject(actual) && Object.entries(expected).every(([k, v]) => includes(actual[k], v));
  return deepEqual(actual, expected);
}

export function inRange(n: number, r: NumRange): boolean {
  if ('equals' in r) return n === r.equals;
  return (r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max);
}

export function describeRange(r: NumRange): string {
  if ('equals' in r) return `exactly ${r.equals}`;
  if (r.min !== undefined && r.max !== undefined) return `between ${r.min} and ${r.max}`;
  if (r.min !== undefined) return `at least ${r.min}`;
  if (r.max !== undefined) return `at most ${r.max}`;
  return 'any number';
}

export function jsonType(v: Found): string {
  if (isMissing(v)) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Python's names for JSON types, as a learner reads them in their own code. */
const PY_TYPE: Record<string, string> = {
  string: 'a str',
  integer: 'an int',
  number: 'a float',
  boolean: 'a bool',
  object: 'a dict',
  array: 'a list',
  null: 'None',
  missing: 'missing',
};
export const pyType = (t: string): string => PY_TYPE[t] ?? t;

export const show = (v: Found): string => {
  if (isMissing(v)) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
};

export interface AssertionFailure {
  /** Stable code for recognising known mistakes: no request ids, no timestamps. */
  readonly code: string;
  readonly message: string;
}

/** Checks one value assertion against `root`; `label` names the root ("the response"). */
export function checkValue(root: Json, a: ValueAssertion, label: string): AssertionFailure | null {
  let v = getPath(root, a.path);
  let where = `\`${a.path}\` in ${label}`;
  if (a.parseJson === true) {
    if (typeof v !== 'string')
      return {
        code: `${a.path}:notString:${jsonType(v)}`,
        message: `${where} should be a JSON string, but it is ${pyType(jsonType(v))}.`,
      };
    try {
      v = JSON.parse(v) as Json;
    } catch {
      return { code: `${a.path}:notJson`, message: `${where} is not valid JSON: ${show(v)}.` };
    }
    if (a.inner !== undefined) {
      v = getPath(v, a.inner);
      where = `\`${a.inner}\` in the JSON of \`${a.path}\` (${label})`;
    }
  }
  const key = a.inner === undefined ? a.path : `${a.path}>${a.inner}`;
  if (isMissing(v)) return { code: `${key}:missing`, message: `${where} is missing.` };
  if (a.type !== undefined) {
    const t = jsonType(v);
    const ok = t === a.type || (a.type === 'number' && t === 'integer');
    if (!ok)
      return {
        code: `${key}:type:${t}`,
        message: `${where} should be ${pyType(a.type)}, but it is ${pyType(t)}: ${show(v)}.`,
      };
  }
  if (a.equals !== undefined && !deepEqual(v, a.equals))
    return {
      code: `${key}:equals:${show(v)}`,
      message: `${where} should be ${show(a.equals)}, but it is ${show(v)}.`,
    };
  if (a.matches !== undefined && !(typeof v === 'string' && new RegExp(a.matches).test(v)))
    return { code: `${key}:matches`, message: `${where} should match /${a.matches}/, but it is ${show(v)}.` };
  if (a.length !== undefined) {
    const len = Array.isArray(v) || typeof v === 'string' ? v.length : -1;
    if (len !== a.length)
      return {
        code: `${key}:length:${len}`,
        message:
          len < 0
            ? `${where} should be a list of ${a.length}, but it is ${pyType(jsonType(v))}.`
            : `${where} should have ${a.length} elements, but it has ${len}.`,
      };
  }
  return null;
}
