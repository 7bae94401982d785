/** JSON values as they cross the bridge, plus typed readers that refuse a missing or mistyped parameter. */
import { serviceError } from './serviceError';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Blobs travel as `{"$b64": "..."}` and timestamps as `{"$ts": ms}`; the Python shim converts both. */
export function blob(base64: string): JsonObject {
  return { $b64: base64 };
}

export function timestamp(ms: number): JsonObject {
  return { $ts: ms };
}

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function missing(name: string): never {
  throw serviceError(
    'ValidationException',
    `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
  );
}

function mistyped(name: string, want: string): never {
  throw serviceError('ValidationException', `Invalid type for parameter ${name}: expected ${want}`);
}

export function str(p: JsonObject, name: string): string {
  const v = p[name];
  if (v === undefined || v === null) missing(name);
  if (typeof v !== 'string') mistyped(name, 'string');
  return v;
}

export function optStr(p: JsonObject, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') mistyped(name, 'string');
  return v;
}

export function optNum(p: JsonObject, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number') mistyped(name, 'number');
  return v;
}

export function optBool(p: JsonObject, name: string): boolean | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') mistyped(name, 'boolean');
  return v;
}

export function obj(p: JsonObject, name: string): JsonObject {
  const v = p[name];
  if (v === undefined || v === null) missing(name);
  if (!isObject(v)) mistyped(name, 'structure');
  return v;
}

export function optObj(p: JsonObject, name: string): JsonObject | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) mistyped(name, 'structure');
  return v;
}

export function arr(p: JsonObject, name: string): Json[] {
  const v = p[name];
  if (v === undefined || v === null) missing(name);
  if (!Array.isArray(v)) mistyped(name, 'list');
  return v;
}

export function optArr(p: JsonObject, name: string): Json[] | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) mistyped(name, 'list');
  return v;
}

/** A string-to-string map (attributes, metadata, tags). */
export function optStrMap(p: JsonObject, name: string): Record<string, string> | undefined {
  const o = optObj(p, name);
  if (o === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v !== 'string') mistyped(`${name}.${k}`, 'string');
    out[k] = v;
  }
  return out;
}

/** A blob parameter: the shim sends `{"$b64"}`; a host may pass a plain string (UTF-8). */
export function optBlob(p: JsonObject, name: string): Uint8Array | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return utf8Encode(v);
  if (isObject(v) && typeof v.$b64 === 'string') return base64Decode(v.$b64);
  return mistyped(name, 'blob');
}

export function utf8Encode(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  return new TextDecoder().decode(b);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}

export function base64Decode(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of clean) {
    buf = (buf << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}
