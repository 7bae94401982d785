/** EventBridge event patterns: exact values, prefix, anything-but, exists and numeric, matched field by field. */
import { isObject, type Json } from './json';

function matchOne(rule: Json, value: Json | undefined): boolean {
  if (!isObject(rule)) return value !== undefined && JSON.stringify(rule) === JSON.stringify(value);
  if ('prefix' in rule) return typeof value === 'string' && value.startsWith(String(rule.prefix));
  if ('suffix' in rule) return typeof value === 'string' && value.endsWith(String(rule.suffix));
  if ('exists' in rule) return (value !== undefined) === (rule.exists === true);
  if ('anything-but' in rule) {
    const but = rule['anything-but'];
    const list = Array.isArray(but) ? but : [but];
    return value !== undefined && !list.some((b) => JSON.stringify(b) === JSON.stringify(value));
  }
  if ('numeric' in rule && Array.isArray(rule.numeric) && typeof value === 'number') {
    const ops = rule.numeric;
    for (let i = 0; i + 1 < ops.length; i += 2) {
      const n = Number(ops[i + 1]);
      const op = ops[i];
      const ok =
        op === '='
          ? value === n
          : op === '<'
            ? value < n
            : op === '<='
              ? value <= n
              : op === '>'
                ? value > n
                : op === '>='
                  ? value >= n
                  : false;
      if (!ok) return false;
    }
    return true;
  }
  return false;
}

export function matchesPattern(pattern: Json, event: Json | undefined): boolean {
  if (!isObject(pattern)) return false;
  for (const [key, rule] of Object.entries(pattern)) {
    const value = isObject(event) ? event[key] : undefined;
    if (Array.isArray(rule)) {
      const values = Array.isArray(value) ? value : [value];
      if (
        !rule.some(
          (r) => values.some((v) => matchOne(r, v)) || (isObject(r) && 'exists' in r && matchOne(r, value)),
        )
      )
        return false;
    } else if (isObject(rule)) {
      if (!matchesPattern(rule, value)) return false;
    } else return false;
  }
  return true;
}
