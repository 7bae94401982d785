/** Parse YAML keeping positions, and turn schema issues into `file:line: message` errors. */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';

export interface ContentError {
  readonly file: string;
  /** 1-based; null when the position is unknown. */
  readonly line: number | null;
  readonly message: string;
}

export function formatError(e: ContentError): string {
  return e.line === null ? `${e.file}: ${e.message}` : `${e.file}:${e.line}: ${e.message}`;
}

export interface ParsedYaml {
  readonly value: unknown;
  readonly errors: ContentError[];
  /** Line of the node at `path` (or of the key `key` inside it), shifted by the file offset. */
  lineOf(path: readonly PropertyKey[], key?: string): number | null;
}

/** `lineOffset`: lines before the YAML in its file (front matter starts after the `---` line). */
export function parseYaml(file: string, text: string, lineOffset = 0): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => counter.linePos(offset).line + lineOffset;
  // After the first syntax error the rest are usually echoes of it.
  const errors: ContentError[] = doc.errors.slice(0, 1).map((e) => ({
    file,
    line: lineAt(e.pos[0]),
    message: `YAML: ${e.message.split('\n')[0]}`,
  }));
  const lineOf = (path: readonly PropertyKey[], key?: string): number | null => {
    let node: unknown = doc.contents;
    let best: Node | null = isNode(node) ? node : null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (pair === undefined) break;
        node = pair.value;
        // An empty value has no node: point at its key.
        best = isNode(node) ? node : isNode(pair.key) ? pair.key : best;
      } else if (isSeq(node) && typeof step === 'number' && isNode(node.items[step])) {
        node = node.items[step];
        best = node as Node;
      } else {
        break;
      }
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair !== undefined && isNode(pair.key)) best = pair.key;
    }
    return best?.range ? lineAt(best.range[0]) : null;
  };
  return { value: doc.toJS(), errors, lineOf };
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'range' in x;
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** A union reports one issue list per branch; the branch with the fewest issues is the likely intent. */
function flatten(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      out.push(...flatten(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue)));
    } else {
      out.push(issue);
    }
  }
  return out;
}

export function issuesToErrors(file: string, parsed: ParsedYaml, error: z.ZodError): ContentError[] {
  const out: ContentError[] = [];
  for (const issue of flatten(error.issues)) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const where = path.length > 0 ? ` in ${pathText(path)}` : '';
        out.push({ file, line: parsed.lineOf(path, key), message: `unknown key "${key}"${where}` });
      }
      continue;
    }
    const label = path.length > 0 ? `${pathText(path)}: ` : '';
    out.push({ file, line: parsed.lineOf(path), message: `${label}${issue.message}` });
  }
  return out;
}

/** Parse and validate one YAML text; errors carry the file and line. */
export function validateYaml<T extends z.ZodType>(
  file: string,
  text: string,
  schema: T,
  lineOffset = 0,
): { value: z.infer<T> | null; errors: ContentError[]; parsed: ParsedYaml } {
  const parsed = parseYaml(file, text, lineOffset);
  if (parsed.errors.length > 0) return { value: null, errors: parsed.errors, parsed };
  const result = schema.safeParse(parsed.value);
  if (result.success) return { value: result.data, errors: [], parsed };
  return { value: null, errors: issuesToErrors(file, parsed, result.error), parsed };
}
