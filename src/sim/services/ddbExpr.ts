/**
 * DynamoDB expressions parsed into trees: conditions (ConditionExpression, KeyConditionExpression,
 * FilterExpression), UpdateExpression (SET, REMOVE, ADD, DELETE) and ProjectionExpression. Names (#n) and
 * values (:v) are resolved here, so evaluation never sees a placeholder.
 */
import type { Json, JsonObject } from './json';
import { serviceError } from './serviceError';

export type PathPart = string | number;
export type Path = readonly PathPart[];

export type Operand =
  | { readonly kind: 'path'; readonly path: Path }
  | { readonly kind: 'value'; readonly value: JsonObject }
  | { readonly kind: 'size'; readonly path: Path }
  | { readonly kind: 'ifNotExists'; readonly path: Path; readonly fallback: Operand }
  | { readonly kind: 'listAppend'; readonly a: Operand; readonly b: Operand }
  | { readonly kind: 'arith'; readonly op: '+' | '-'; readonly a: Operand; readonly b: Operand };

export type Cond =
  | { readonly kind: 'and' | 'or'; readonly a: Cond; readonly b: Cond }
  | { readonly kind: 'not'; readonly a: Cond }
  | { readonly kind: 'cmp'; readonly op: string; readonly a: Operand; readonly b: Operand }
  | { readonly kind: 'between'; readonly a: Operand; readonly lo: Operand; readonly hi: Operand }
  | { readonly kind: 'in'; readonly a: Operand; readonly list: readonly Operand[] }
  | { readonly kind: 'fn'; readonly name: string; readonly args: readonly Operand[] };

export type UpdateAction =
  | { readonly kind: 'set'; readonly path: Path; readonly value: Operand }
  | { readonly kind: 'remove'; readonly path: Path }
  | { readonly kind: 'add' | 'delete'; readonly path: Path; readonly value: Operand };

export interface Placeholders {
  readonly names: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, Json>>;
  readonly usedNames: Set<string>;
  readonly usedValues: Set<string>;
}

const TOKEN = /\s*(<>|<=|>=|[=<>(),.[\]+-]|#[A-Za-z0-9_]+|:[A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_]*|\d+)/y;
const FUNCTIONS = new Set([
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'size',
]);

class Parser {
  private readonly toks: string[] = [];
  private i = 0;
  constructor(
    text: string,
    private readonly what: string,
    private readonly ph: Placeholders,
  ) {
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    let pos = 0;
    for (;;) {
      TOKEN.lastIndex = pos;
      m = TOKEN.exec(text);
      if (!m) break;
      this.toks.push(m[1]!);
      pos = TOKEN.lastIndex;
    }
    if (text.slice(pos).trim() !== '') this.fail(text.slice(pos).trim()[0] ?? '');
  }
  fail(token?: string): never {
    const t = token ?? this.toks[this.i] ?? '<EOF>';
    throw serviceError(
      'ValidationException',
      `Invalid ${this.what}: Syntax error; token: "${t}", near: "${this.toks.slice(Math.max(0, this.i - 1), this.i + 2).join(' ')}"`,
    );
  }
  peek(): string | undefined {
    return this.toks[this.i];
  }
  kw(word: string): boolean {
    if (this.peek()?.toUpperCase() === word) {
      this.i++;
      return true;
    }
    return false;
  }
  expect(t: string): void {
    if (this.toks[this.i] !== t) this.fail();
    this.i++;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
  name(): string {
    const t = this.toks[this.i++];
    if (t === undefined) return this.fail('<EOF>');
    if (t.startsWith('#')) {
      const n = this.ph.names[t];
      if (n === undefined) {
        throw serviceError(
          'ValidationException',
          `Invalid ${this.what}: An expression attribute name used in the document path is not defined; attribute name: ${t}`,
        );
      }
      this.ph.usedNames.add(t);
      return n;
    }
    if (!/^[A-Za-z_]/.test(t)) {
      this.i--;
      this.fail(t);
    }
    return t;
  }
  path(): Path {
    const out: PathPart[] = [this.name()];
    for (;;) {
      if (this.peek() === '.') {
        this.i++;
        out.push(this.name());
      } else if (this.peek() === '[') {
        this.i++;
        const n = this.toks[this.i++];
        if (!n || !/^\d+$/.test(n)) this.fail(n);
        out.push(Number(n));
        this.expect(']');
      } else return out;
    }
  }
  operand(): Operand {
    const t = this.peek();
    if (t === undefined) return this.fail('<EOF>');
    if (t.startsWith(':')) {
      this.i++;
      const v = this.ph.values[t];
      if (v === undefined || v === null || typeof v !== 'object' || Array.isArray(v)) {
        throw serviceError(
          'ValidationException',
          `Invalid ${this.what}: An expression attribute value used in expression is not defined; attribute value: ${t}`,
        );
      }
      this.ph.usedValues.add(t);
      return { kind: 'value', value: v };
    }
    if (t === 'size' && this.toks[this.i + 1] === '(') {
      this.i += 2;
      const path = this.path();
      this.expect(')');
      return { kind: 'size', path };
    }
    return { kind: 'path', path: this.path() };
  }
  condition(): Cond {
    let a = this.conj();
    while (this.kw('OR')) a = { kind: 'or', a, b: this.conj() };
    return a;
  }
  conj(): Cond {
    let a = this.neg();
    while (this.kw('AND')) a = { kind: 'and', a, b: this.neg() };
    return a;
  }
  neg(): Cond {
    if (this.kw('NOT')) return { kind: 'not', a: this.neg() };
    return this.primary();
  }
  primary(): Cond {
    const t = this.peek();
    if (t === '(') {
      this.i++;
      const c = this.condition();
      this.expect(')');
      return c;
    }
    if (t !== undefined && FUNCTIONS.has(t) && t !== 'size' && this.toks[this.i + 1] === '(') {
      this.i += 2;
      const args: Operand[] = [this.operand()];
      while (this.peek() === ',') {
        this.i++;
        args.push(this.operand());
      }
      this.expect(')');
      return { kind: 'fn', name: t, args };
    }
    const a = this.operand();
    const op = this.peek();
    if (op && ['=', '<>', '<', '<=', '>', '>='].includes(op)) {
      this.i++;
      return { kind: 'cmp', op, a, b: this.operand() };
    }
    if (this.kw('BETWEEN')) {
      const lo = this.operand();
      if (!this.kw('AND')) this.fail();
      return { kind: 'between', a, lo, hi: this.operand() };
    }
    if (this.kw('IN')) {
      this.expect('(');
      const list: Operand[] = [this.operand()];
      while (this.peek() === ',') {
        this.i++;
        list.push(this.operand());
      }
      this.expect(')');
      return { kind: 'in', a, list };
    }
    return this.fail();
  }
  setValue(): Operand {
    const a = this.term();
    const op = this.peek();
    if (op === '+' || op === '-') {
      this.i++;
      return { kind: 'arith', op, a, b: this.term() };
    }
    return a;
  }
  term(): Operand {
    const t = this.peek();
    if ((t === 'if_not_exists' || t === 'list_append') && this.toks[this.i + 1] === '(') {
      this.i += 2;
      if (t === 'if_not_exists') {
        const path = this.path();
        this.expect(',');
        const fallback = this.setValue();
        this.expect(')');
        return { kind: 'ifNotExists', path, fallback };
      }
      const a = this.setValue();
      this.expect(',');
      const b = this.setValue();
      this.expect(')');
      return { kind: 'listAppend', a, b };
    }
    return this.operand();
  }
  update(): UpdateAction[] {
    const out: UpdateAction[] = [];
    const seen = new Set<string>();
    while (!this.done()) {
      const clause = this.toks[this.i++]?.toUpperCase() ?? '';
      if (!['SET', 'REMOVE', 'ADD', 'DELETE'].includes(clause)) this.fail(this.toks[this.i - 1]);
      if (seen.has(clause)) {
        throw serviceError(
          'ValidationException',
          `Invalid UpdateExpression: The "${clause}" section can only be used once in an update expression;`,
        );
      }
      seen.add(clause);
      do {
        if (out.length > 0 && this.peek() === ',') this.i++;
        const path = this.path();
        if (clause === 'SET') {
          this.expect('=');
          out.push({ kind: 'set', path, value: this.setValue() });
        } else if (clause === 'REMOVE') out.push({ kind: 'remove', path });
        else out.push({ kind: clause === 'ADD' ? 'add' : 'delete', path, value: this.operand() });
      } while (this.peek() === ',');
    }
    return out;
  }
  projection(): Path[] {
    const out: Path[] = [this.path()];
    while (this.peek() === ',') {
      this.i++;
      out.push(this.path());
    }
    return out;
  }
}

export function parseCondition(text: string, what: string, ph: Placeholders): Cond {
  const p = new Parser(text, what, ph);
  const c = p.condition();
  if (!p.done()) p.fail();
  return c;
}

export function parseUpdate(text: string, ph: Placeholders): UpdateAction[] {
  return new Parser(text, 'UpdateExpression', ph).update();
}

export function parseProjection(text: string, ph: Placeholders): Path[] {
  const p = new Parser(text, 'ProjectionExpression', ph);
  const out = p.projection();
  if (!p.done()) p.fail();
  return out;
}

/** `withValues` false for an operation that has no ExpressionAttributeValues member (GetItem). */
export function placeholders(params: JsonObject, withValues = true): Placeholders {
  const names = params.ExpressionAttributeNames;
  const values = withValues ? params.ExpressionAttributeValues : undefined;
  return {
    names: (names && typeof names === 'object' && !Array.isArray(names) ? names : {}) as Record<
      string,
      string
    >,
    values: (values && typeof values === 'object' && !Array.isArray(values) ? values : {}) as Record<
      string,
      Json
    >,
    usedNames: new Set(),
    usedValues: new Set(),
  };
}

/** DynamoDB refuses placeholders that no expression used. */
export function checkUnused(ph: Placeholders): void {
  const unusedValues = Object.keys(ph.values).filter((k) => !ph.usedValues.has(k));
  if (unusedValues.length > 0) {
    throw serviceError(
      'ValidationException',
      `Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`,
    );
  }
  const unusedNames = Object.keys(ph.names).filter((k) => !ph.usedNames.has(k));
  if (unusedNames.length > 0) {
    throw serviceError(
      'ValidationException',
      `Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`,
    );
  }
}
