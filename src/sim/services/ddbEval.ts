/** Evaluation of DynamoDB expression trees against items in DynamoDB JSON ({"S": ...}, {"N": ...}, ...). */
import type { Cond, Operand, Path, UpdateAction } from './ddbExpr';
import { isObject, type Json, type JsonObject } from './json';
import { serviceError } from './serviceError';

export type Item = { [name: string]: Json };

export function typeOf(v: Json | undefined): string | null {
  return isObject(v) ? (Object.keys(v)[0] ?? null) : null;
}

export function getPath(item: Item, path: Path): JsonObject | undefined {
  let cur: Json | undefined = { M: item };
  for (const part of path) {
    if (!isObject(cur)) return undefined;
    if (typeof part === 'number') {
      const l: Json | undefined = cur.L;
      cur = Array.isArray(l) ? l[part] : undefined;
    } else {
      const m: Json | undefined = cur.M;
      cur = isObject(m) ? m[part] : undefined;
    }
  }
  return isObject(cur) ? cur : undefined;
}

function container(item: Item, path: Path): { parent: Json[] | Item; key: string | number } {
  let cur: Json | undefined = { M: item };
  for (const part of path.slice(0, -1)) {
    const next: Json | undefined = isObject(cur)
      ? typeof part === 'number'
        ? (cur.L as Json[] | undefined)?.[part]
        : (cur.M as Item | undefined)?.[part]
      : undefined;
    if (next === undefined)
      throw serviceError(
        'ValidationException',
        'The document path provided in the update expression is invalid for update',
      );
    cur = next;
  }
  const last = path[path.length - 1]!;
  const parent = isObject(cur) ? (typeof last === 'number' ? cur.L : cur.M) : undefined;
  if (typeof last === 'number' ? !Array.isArray(parent) : !isObject(parent)) {
    throw serviceError(
      'ValidationException',
      'The document path provided in the update expression is invalid for update',
    );
  }
  return { parent: parent as Json[] | Item, key: last };
}

export function setPath(item: Item, path: Path, value: JsonObject): void {
  const { parent, key } = container(item, path);
  if (Array.isArray(parent)) {
    const i = key as number;
    if (i >= parent.length) parent.push(value);
    else parent[i] = value;
  } else parent[key as string] = value;
}

export function removePath(item: Item, path: Path): void {
  try {
    const { parent, key } = container(item, path);
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } catch {
    // Removing something absent is a no-op, as in DynamoDB.
  }
}

/** Compare two scalars of the same type; null when incomparable. */
export function compare(a: JsonObject | undefined, b: JsonObject | undefined): number | null {
  const ta = typeOf(a);
  if (!a || !b || ta !== typeOf(b)) return null;
  if (ta === 'N') return Number(a.N) - Number(b.N);
  if (ta === 'S' || ta === 'B') {
    const x = JSON.stringify(a[ta]);
    const y = JSON.stringify(b[ta]);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return null;
}

export function equal(a: JsonObject | undefined, b: JsonObject | undefined): boolean {
  if (!a || !b || typeOf(a) !== typeOf(b)) return false;
  const t = typeOf(a)!;
  if (t === 'N') return Number(a.N) === Number(b.N);
  if (t === 'SS' || t === 'NS' || t === 'BS') {
    const x = new Set((a[t] as Json[]).map((v) => JSON.stringify(v)));
    const y = (b[t] as Json[]).map((v) => JSON.stringify(v));
    return x.size === y.length && y.every((v) => x.has(v));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function sizeOf(v: JsonObject | undefined): number | undefined {
  const t = typeOf(v);
  if (!v || !t) return undefined;
  const inner = v[t];
  if (t === 'S') return new TextEncoder().encode(String(inner)).length;
  if (t === 'B') return Math.floor((String((inner as JsonObject).$b64 ?? inner).length * 3) / 4);
  if (Array.isArray(inner)) return inner.length;
  if (isObject(inner)) return Object.keys(inner).length;
  return undefined;
}

export function operandValue(item: Item, o: Operand): JsonObject | undefined {
  switch (o.kind) {
    case 'path':
      return getPath(item, o.path);
    case 'value':
      return o.value;
    case 'size': {
      const n = sizeOf(getPath(item, o.path));
      return n === undefined ? undefined : { N: String(n) };
    }
    case 'ifNotExists':
      return getPath(item, o.path) ?? operandValue(item, o.fallback);
    case 'listAppend': {
      const a = operandValue(item, o.a);
      const b = operandValue(item, o.b);
      if (!Array.isArray(a?.L) || !Array.isArray(b?.L)) {
        throw serviceError(
          'ValidationException',
          'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: M',
        );
      }
      return { L: [...a.L, ...b.L] };
    }
    case 'arith': {
      const a = operandValue(item, o.a);
      const b = operandValue(item, o.b);
      if (typeOf(a) !== 'N' || typeOf(b) !== 'N') {
        throw serviceError(
          'ValidationException',
          `Invalid UpdateExpression: An operand in the update expression has an incorrect data type`,
        );
      }
      const n = o.op === '+' ? Number(a!.N) + Number(b!.N) : Number(a!.N) - Number(b!.N);
      return { N: String(n) };
    }
    default: {
      const never: never = o;
      return never;
    }
  }
}

export function evalCond(item: Item, c: Cond): boolean {
  switch (c.kind) {
    case 'and':
      return evalCond(item, c.a) && evalCond(item, c.b);
    case 'or':
      return evalCond(item, c.a) || evalCond(item, c.b);
    case 'not':
      return !evalCond(item, c.a);
    case 'cmp': {
      const a = operandValue(item, c.a);
      const b = operandValue(item, c.b);
      if (c.op === '=') return equal(a, b);
      if (c.op === '<>') return a !== undefined && b !== undefined && !equal(a, b);
      const d = compare(a, b);
      if (d === null) return false;
      return c.op === '<' ? d < 0 : c.op === '<=' ? d <= 0 : c.op === '>' ? d > 0 : d >= 0;
    }
    case 'between': {
      const a = operandValue(item, c.a);
      const lo = compare(a, operandValue(item, c.lo));
      const hi = compare(a, operandValue(item, c.hi));
      return lo !== null && hi !== null && lo >= 0 && hi <= 0;
    }
    case 'in': {
      const a = operandValue(item, c.a);
      return c.list.some((o) => equal(a, operandValue(item, o)));
    }
    case 'fn':
      return evalFn(item, c.name, c.args);
    default: {
      const never: never = c;
      return never;
    }
  }
}

function evalFn(item: Item, name: string, args: readonly Operand[]): boolean {
  const first = args[0];
  const v = first ? operandValue(item, first) : undefined;
  const arg = args[1] ? operandValue(item, args[1]) : undefined;
  switch (name) {
    case 'attribute_exists':
      return v !== undefined;
    case 'attribute_not_exists':
      return v === undefined;
    case 'attribute_type':
      return typeOf(v) !== null && typeOf(v) === String(arg?.S ?? '');
    case 'begins_with':
      return typeOf(v) === 'S' && typeOf(arg) === 'S' && String(v!.S).startsWith(String(arg!.S));
    case 'contains': {
      const t = typeOf(v);
      if (t === 'S') return typeOf(arg) === 'S' && String(v!.S).includes(String(arg!.S));
      if (t === 'SS' || t === 'NS' || t === 'BS') {
        const inner = arg ? arg[t.slice(0, 1)] : undefined;
        return (v![t] as Json[]).some((x) => JSON.stringify(x) === JSON.stringify(inner));
      }
      if (t === 'L') return (v!.L as Json[]).some((x) => isObject(x) && equal(x, arg));
      return false;
    }
    default:
      throw serviceError(
        'ValidationException',
        `Invalid ConditionExpression: Invalid function name; function: ${name}`,
      );
  }
}

export function applyUpdate(item: Item, actions: readonly UpdateAction[]): void {
  // All operands are read from the item as it was before the update, as DynamoDB does.
  const before = structuredClone(item);
  for (const a of actions) {
    switch (a.kind) {
      case 'set':
        setPath(item, a.path, operandValue(before, a.value) ?? missingOperand());
        break;
      case 'remove':
        removePath(item, a.path);
        break;
      case 'add': {
        const cur = getPath(before, a.path);
        const v = operandValue(before, a.value)!;
        const t = typeOf(v);
        if (t === 'N') setPath(item, a.path, { N: String(Number(cur?.N ?? 0) + Number(v.N)) });
        else if (t === 'SS' || t === 'NS' || t === 'BS') {
          const merged = [...((cur?.[t] as Json[] | undefined) ?? [])];
          for (const x of v[t] as Json[])
            if (!merged.some((y) => JSON.stringify(y) === JSON.stringify(x))) merged.push(x);
          setPath(item, a.path, { [t]: merged });
        } else {
          throw serviceError(
            'ValidationException',
            `Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: ${t}`,
          );
        }
        break;
      }
      case 'delete': {
        const cur = getPath(before, a.path);
        const v = operandValue(before, a.value)!;
        const t = typeOf(v);
        if (!cur || !t) break;
        const drop = new Set((v[t] as Json[]).map((x) => JSON.stringify(x)));
        const left = ((cur[t] as Json[] | undefined) ?? []).filter((x) => !drop.has(JSON.stringify(x)));
        if (left.length === 0) removePath(item, a.path);
        else setPath(item, a.path, { [t]: left });
        break;
      }
      default: {
        const never: never = a;
        throw new Error(`unknown update ${JSON.stringify(never)}`);
      }
    }
  }
}

function missingOperand(): never {
  throw serviceError(
    'ValidationException',
    'The provided expression refers to an attribute that does not exist in the item',
  );
}

export function project(item: Item, paths: readonly Path[]): Item {
  const out: Item = {};
  for (const p of paths) {
    const v = getPath(item, p);
    if (v === undefined) continue;
    // Top-level and nested projections both keep the outer attribute name.
    if (p.length === 1) out[p[0] as string] = v;
    else {
      const top = p[0] as string;
      const src = item[top];
      if (src !== undefined) out[top] = src;
    }
  }
  return out;
}
