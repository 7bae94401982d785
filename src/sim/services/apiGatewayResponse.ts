/** The proxy response contract (facts §4.9): REST needs statusCode and a string body; HTTP APIs infer a 200. */

import type { HttpResponse } from './apiGateway';
import { isObject, type Json } from './json';

export function parseProxyResponse(payloadJson: string, kind: 'REST' | 'HTTP'): HttpResponse | null {
  let v: Json;
  try {
    v = JSON.parse(payloadJson) as Json;
  } catch {
    return null;
  }
  if (kind === 'HTTP' && (!isObject(v) || v.statusCode === undefined)) {
    // HTTP API v2 treats any JSON without statusCode as a 200 application/json body.
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: payloadJson,
      isBase64Encoded: false,
    };
  }
  if (!isObject(v)) return null;
  const allowed = new Set([
    'statusCode',
    'headers',
    'multiValueHeaders',
    'body',
    'isBase64Encoded',
    'cookies',
  ]);
  if (kind === 'REST' && Object.keys(v).some((k) => !allowed.has(k))) return null;
  const status = v.statusCode;
  const code =
    typeof status === 'number'
      ? status
      : typeof status === 'string' && /^\d+$/.test(status)
        ? Number(status)
        : NaN;
  if (!Number.isInteger(code)) return null;
  if (v.body !== undefined && v.body !== null && typeof v.body !== 'string') return null;
  const headers: Record<string, string> = {};
  if (v.headers !== undefined && v.headers !== null) {
    if (!isObject(v.headers)) return null;
    for (const [k, h] of Object.entries(v.headers)) headers[k] = String(h);
  }
  if (isObject(v.multiValueHeaders)) {
    for (const [k, list] of Object.entries(v.multiValueHeaders))
      if (Array.isArray(list)) headers[k] = list.map(String).join(',');
  }
  return {
    statusCode: code,
    headers,
    body: typeof v.body === 'string' ? v.body : '',
    isBase64Encoded: v.isBase64Encoded === true,
  };
}
