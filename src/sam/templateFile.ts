/**
 * Reads a template file (YAML with CloudFormation's short tags, or JSON) into plain data, intrinsics in
 * their long form (`!Sub x` -> `{ "Fn::Sub": "x" }`), and remembers the line of every object so later
 * errors can point into the file.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export type TValue = string | number | boolean | null | TValue[] | { [key: string]: TValue };
export type TObject = { [key: string]: TValue };

/** A template the lab cannot read: the file, the line (1-based, 0 when unknown) and the reason. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}${line > 0 ? `:${line}` : ''}: ${reason}`);
  }
}

export interface TemplateFile {
  readonly file: string;
  readonly root: TObject;
  /** The line an object or array starts on (0 when it came from JSON without positions). */
  lineOf(value: unknown): number;
  error(at: unknown, reason: string): TemplateError;
}

const SHORT_TAGS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  ...Object.fromEntries(
    [
      'Sub',
      'GetAtt',
      'Join',
      'Select',
      'Split',
      'If',
      'Equals',
      'Not',
      'And',
      'Or',
      'FindInMap',
      'Base64',
      'GetAZs',
      'ImportValue',
      'Cidr',
      'Transform',
      'Length',
      'ToJsonString',
    ].map((n) => [n, `Fn::${n}`]),
  ),
};

// Each tag is accepted on scalars, sequences and maps; the walk below turns it into the long form.
const CUSTOM_TAGS = Object.keys(SHORT_TAGS).flatMap((name) => [
  { tag: `!${name}`, resolve: (s: string) => s },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (v: unknown) => v },
  { tag: `!${name}`, collection: 'map' as const, resolve: (v: unknown) => v },
]);

export function isObject(v: unknown): v is TObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readTemplateText(file: string, text: string): TemplateFile {
  const lines = new WeakMap<object, number>();
  const fail = (line: number, reason: string): never => {
    throw new TemplateError(file, line, reason);
  };
  if (text.trim() === '') fail(1, 'the template is empty');
  const counter = new LineCounter();
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, lineCounter: counter, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 0 : counter.linePos(offset).line);
  const first = doc.errors[0];
  if (first) fail(first.linePos?.[0].line ?? 0, first.message.split('\n')[0] ?? first.message);
  const walk = (node: unknown): TValue => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return walk(node.resolve(doc));
    const n = node as Node;
    const line = lineAt(n.range?.[0]);
    let value: TValue;
    if (isScalar(n)) {
      const v = n.value;
      value =
        v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? v
          : String(v);
    } else if (isSeq(n)) {
      value = n.items.map(walk);
    } else if (isMap(n)) {
      const out: TObject = {};
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = walk(pair.key);
        if (typeof key !== 'string' && typeof key !== 'number')
          fail(lineAt((pair.key as Node | null)?.range?.[0]), 'a key must be text');
        out[String(key)] = walk(pair.value);
      }
      value = out;
    } else return fail(line, 'unexpected YAML node');
    const tag = n.tag;
    if (tag?.startsWith('!')) {
      const long = SHORT_TAGS[tag.slice(1)];
      if (!long) fail(line, `unknown tag ${tag}`);
      // !GetAtt A.B is the short form of { "Fn::GetAtt": ["A", "B"] }.
      if (long === 'Fn::GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        value = dot < 0 ? value : [value.slice(0, dot), value.slice(dot + 1)];
      }
      value = { [long as string]: value };
    }
    if (typeof value === 'object' && value !== null) lines.set(value, line);
    return value;
  };
  const root = walk(doc.contents);
  if (!isObject(root)) fail(1, 'a template is a map (Resources, Parameters, ...)');
  return {
    file,
    root: root as TObject,
    lineOf: (v) => (typeof v === 'object' && v !== null ? (lines.get(v) ?? 0) : 0),
    error(at, reason) {
      return new TemplateError(file, typeof at === 'number' ? at : this.lineOf(at), reason);
    },
  };
}
