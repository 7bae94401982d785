/**
 * SNS subscription filter policies: EventBridge-style patterns matched against the message attributes (the
 * default scope; Number attributes as numbers, String.Array as lists) or, with FilterPolicyScope
 * MessageBody, against the JSON message body.
 */
import { matchesPattern } from './eventPattern';
import { isObject, type Json, type JsonObject } from './json';
import { serviceError } from './serviceError';

export type SnsFilter = (message: string, attributes: JsonObject) => boolean;

function attributeValues(attributes: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, a] of Object.entries(attributes)) {
    if (!isObject(a)) continue;
    const type = String(a.DataType ?? 'String');
    const text = String(a.StringValue ?? '');
    if (type.startsWith('Number')) out[name] = Number(text);
    else if (type === 'String.Array') {
      try {
        out[name] = JSON.parse(text) as Json;
      } catch {
        out[name] = text;
      }
    } else if (!type.startsWith('Binary')) out[name] = text;
  }
  return out;
}

export function snsFilter(policy: Json | undefined, scope: Json | undefined): SnsFilter | null {
  if (policy === undefined || policy === null || policy === '') return null;
  let parsed: Json;
  try {
    parsed = typeof policy === 'string' ? (JSON.parse(policy) as Json) : policy;
  } catch {
    throw serviceError('InvalidParameter', 'Invalid parameter: FilterPolicy: failed to parse JSON.', 400);
  }
  if (!isObject(parsed))
    throw serviceError('InvalidParameter', 'Invalid parameter: FilterPolicy must be a JSON object.', 400);
  const pattern = parsed;
  if (scope === 'MessageBody')
    return (message) => {
      try {
        return matchesPattern(pattern, JSON.parse(message) as Json);
      } catch {
        return false;
      }
    };
  return (_message, attributes) => matchesPattern(pattern, attributeValues(attributes));
}
