/**
 * Lambda-aware completions and hovers for handler code, as pure functions of the text and the cursor (no
 * Monaco here: monacoPython.ts adapts them). They know the handler's `event` (keys of the test event and of
 * the trigger it looks like, followed through `for record in event["Records"]:` and assignments), its
 * `context`, and the boto3 clients and operations the lab's shim supports.
 */
import { CONTEXT_DOC, CONTEXT_MEMBERS, EVENT_DOC, type MemberDoc, NESTED_MEMBERS } from './contextDocs';
import { type EventPath, type EventSample, keysAt } from './eventShapes';
import {
  SHIM_SERVICES,
  type ShimOperation,
  type ShimParam,
  shimOperations,
  signature,
  TABLE_MEMBERS,
  TABLE_PROPERTIES,
} from './shimCatalog';

export interface EditorFacts {
  /** The function's handler setting, `lambda_function.lambda_handler`: names the handler's parameters. */
  readonly handler: string;
  /** Where event keys come from: the test event, then its trigger's shape. */
  readonly samples: readonly EventSample[];
}

export type ItemKind = 'key' | 'property' | 'method' | 'module' | 'class';

export interface CompletionData {
  readonly label: string;
  readonly kind: ItemKind;
  readonly insertText: string;
  /** insertText is a snippet (`put_object(Bucket=${1}, Key=${2})`). */
  readonly snippet: boolean;
  readonly detail: string;
  readonly documentation: string;
  /** 1-based columns on the cursor's line that the item replaces. */
  readonly startColumn: number;
  readonly endColumn: number;
}

export interface HoverData {
  /** Markdown paragraphs. */
  readonly contents: readonly string[];
  readonly startColumn: number;
  readonly endColumn: number;
}

const IDENT = '[A-Za-z_]\\w*';
/** One step into a value: `["key"]`, `[0]`, `[i]` or `.get("key", default)`. */
const STEP =
  /\[\s*(?:"([^"]*)"|'([^']*)'|(\d+|[A-Za-z_]\w*))\s*\]|\.get\(\s*(?:"([^"]*)"|'([^']*)')\s*(?:,[^()]*)?\)/y;
const CHAIN = '((?:\\[[^\\[\\]]*\\]|\\.get\\([^()]*\\))*)';

/** Parses a chain of steps; null when any part is not a literal key or an index. */
export function parseChain(chain: string): EventPath | null {
  const path: (string | number)[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < chain.length) {
    const at = STEP.lastIndex;
    const m = STEP.exec(chain);
    if (!m || m.index !== at) return null;
    const key = m[1] ?? m[2] ?? m[4] ?? m[5];
    path.push(key ?? (/^\d+$/.test(m[3] ?? '') ? Number(m[3]) : 0));
  }
  return path;
}

/** The names the handler gives its two parameters (`def handler(evt, ctx)`), with the usual ones too. */
export function handlerParams(text: string, handler: string): { events: Set<string>; contexts: Set<string> } {
  const fname = handler.slice(handler.lastIndexOf('.') + 1).replace(/\W/g, '');
  const events = new Set(['event']);
  const contexts = new Set(['context']);
  const m = new RegExp(`def\\s+${fname || 'lambda_handler'}\\s*\\(\\s*(${IDENT})[^,()]*,\\s*(${IDENT})`).exec(
    text,
  );
  if (m?.[1] && m[2]) {
    events.add(m[1]);
    contexts.add(m[2]);
  }
  return { events, contexts };
}

/** Names bound to parts of the event: `for record in event["Records"]:`, `body = event["body"]`. */
export function eventAliases(text: string, events: ReadonlySet<string>): Map<string, EventPath> {
  const known = new Map<string, EventPath>([...events].map((name) => [name, []]));
  const loop = new RegExp(`\\bfor\\s+(${IDENT})\\s+in\\s+(${IDENT})${CHAIN}\\s*:`, 'g');
  const assign = new RegExp(`^[ \\t]*(${IDENT})\\s*=\\s*(${IDENT})${CHAIN}[ \\t]*(?:#.*)?$`, 'gm');
  // A few passes, so an alias of an alias (`s3 = record["s3"]`) resolves whatever the order of lines.
  for (let pass = 0; pass < 4; pass++) {
    for (const [pattern, element] of [
      [loop, true],
      [assign, false],
    ] as const) {
      for (const m of text.matchAll(pattern)) {
        const [, name = '', base = '', chain = ''] = m;
        const basePath = known.get(base);
        const steps = parseChain(chain);
        if (!basePath || !steps || known.has(name)) continue;
        known.set(name, [...basePath, ...steps, ...(element ? [0] : [])]);
      }
    }
  }
  return known;
}

/** Variables holding boto3 clients (by service), DynamoDB resources and Tables. */
export function boto3Names(text: string) {
  const clients = new Map<string, string>();
  for (const m of text.matchAll(
    /([A-Za-z_][\w.]*)\s*=\s*boto3\.client\(\s*(?:service_name\s*=\s*)?["']([\w-]+)["']/g,
  ))
    clients.set(m[1] ?? '', m[2] ?? '');
  const resources = new Set<string>();
  for (const m of text.matchAll(
    /([A-Za-z_][\w.]*)\s*=\s*boto3\.resource\(\s*(?:service_name\s*=\s*)?["']dynamodb["']/g,
  ))
    resources.add(m[1] ?? '');
  const tables = new Set<string>();
  for (const m of text.matchAll(
    /([A-Za-z_][\w.]*)\s*=\s*(boto3\.resource\([^()]*\)|[A-Za-z_][\w.]*)\.Table\(/g,
  )) {
    const source = m[2] ?? '';
    if (source.startsWith('boto3.resource') || resources.has(source)) tables.add(m[1] ?? '');
  }
  return { clients, resources, tables };
}

const memberItem = (m: MemberDoc, start: number, end: number): CompletionData => ({
  label: m.name,
  kind: m.kind === 'method' ? 'method' : 'property',
  insertText: m.kind === 'method' ? `${m.name}($0)` : m.name,
  snippet: m.kind === 'method',
  detail: m.kind === 'method' ? `${m.name}() -> ${m.type}` : `${m.name}: ${m.type}`,
  documentation: m.doc,
  startColumn: start,
  endColumn: end,
});

/** What a completion says of an operation: its required members and those the lab accepts but ignores. */
function operationDoc(service: string, op: ShimOperation, required: readonly ShimParam[]): string {
  const ignored = op.params.filter((p) => !p.simulated).map((p) => p.name);
  const parts = [`${service} ${op.operation}, simulated by the lab.`];
  if (required.length > 0) {
    parts.push(`Required: ${required.map((p) => `${p.name} (${p.types.join(' or ')})`).join(', ')}.`);
  }
  if (ignored.length > 0) parts.push(`Accepted but ignored here: ${ignored.join(', ')}.`);
  return parts.join(' ');
}

function operationItem(service: string, op: ShimOperation, start: number, end: number, omit: string[] = []) {
  const required = op.params.filter((p) => p.required && !omit.includes(p.name));
  const args = required.map((p, i) => `${p.name}=\${${i + 1}}`).join(', ');
  return {
    label: op.method,
    kind: 'method',
    insertText: `${op.method}(${args || '$0'})`,
    snippet: true,
    detail: signature(op, omit),
    documentation: operationDoc(service, op, required),
    startColumn: start,
    endColumn: end,
  } satisfies CompletionData;
}

function tableItems(start: number, end: number): CompletionData[] {
  return TABLE_MEMBERS.map((name) => {
    const op = shimOperations('dynamodb').find((o) => o.method === name);
    if (op) return operationItem('DynamoDB Table', op, start, end, ['TableName']);
    const property = TABLE_PROPERTIES.has(name);
    return {
      label: name,
      kind: property ? 'property' : 'method',
      insertText: property ? name : `${name}($0)`,
      snippet: !property,
      detail: property ? `Table.${name}` : `Table.${name}()`,
      documentation: 'A DynamoDB Table resource member, simulated by the lab.',
      startColumn: start,
      endColumn: end,
    } satisfies CompletionData;
  });
}

/** Completions at a 1-based line and column (the cursor sits before `column`). */
export function completionsAt(
  text: string,
  line: number,
  column: number,
  facts: EditorFacts,
): CompletionData[] {
  const prefix = (text.split('\n')[line - 1] ?? '').slice(0, column - 1);
  const { events, contexts } = handlerParams(text, facts.handler);

  const service = /\bboto3\.(client|resource)\(\s*(?:service_name\s*=\s*)?(["']?)([\w-]*)$/.exec(prefix);
  if (service) {
    const [, kind, quote = '', partial = ''] = service;
    const names = kind === 'resource' ? ['dynamodb'] : SHIM_SERVICES;
    return names.map((name) => ({
      label: name,
      kind: 'module',
      insertText: quote ? name : `"${name}"`,
      snippet: false,
      detail: kind === 'resource' ? 'boto3.resource: DynamoDB only in the lab' : `boto3.client("${name}")`,
      documentation: `A ${name} client for the lab's simulated AWS (${shimOperations(name).length} operations).`,
      startColumn: column - partial.length,
      endColumn: column,
    }));
  }

  const key = new RegExp(`(?<![\\w.])(${IDENT})${CHAIN}(\\[|\\.get\\()\\s*(["']?)([\\w-]*)$`).exec(prefix);
  if (key) {
    const [, base = '', chain = '', , quote = '', partial = ''] = key;
    const basePath = eventAliases(text, events).get(base);
    const steps = parseChain(chain);
    if (basePath && steps) {
      return keysAt(facts.samples, [...basePath, ...steps]).map((k) => ({
        label: k.key,
        kind: 'key',
        insertText: quote ? k.key : `"${k.key}"`,
        snippet: false,
        detail: k.detail,
        documentation: `From ${k.source}.`,
        startColumn: column - partial.length,
        endColumn: column,
      }));
    }
  }

  const member = /(?<![\w.])((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\.(\w*)$/.exec(prefix);
  const direct = /\bboto3\.client\(\s*(?:service_name\s*=\s*)?["']([\w-]+)["'][^()]*\)\.(\w*)$/.exec(prefix);
  if (direct) {
    const partial = direct[2] ?? '';
    const name = direct[1] ?? '';
    return shimOperations(name).map((op) => operationItem(name, op, column - partial.length, column));
  }
  if (!member) return [];
  const [, receiver = '', partial = ''] = member;
  const start = column - partial.length;
  const [root = '', ...rest] = receiver.split('.');
  if (contexts.has(root)) {
    const members = rest.length === 0 ? CONTEXT_MEMBERS : NESTED_MEMBERS[rest.join('.')];
    return (members ?? []).map((m) => memberItem(m, start, column));
  }
  const names = boto3Names(text);
  const clientService = names.clients.get(receiver);
  if (clientService)
    return shimOperations(clientService).map((op) => operationItem(clientService, op, start, column));
  if (names.tables.has(receiver)) return tableItems(start, column);
  if (names.resources.has(receiver)) {
    const create = shimOperations('dynamodb').find((o) => o.method === 'create_table');
    return [
      {
        label: 'Table',
        kind: 'class',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a Monaco snippet placeholder, not a template
        insertText: 'Table(${1:"table-name"})',
        snippet: true,
        detail: 'Table(name)',
        documentation:
          'A Table resource for the named table: put_item, get_item, query and the rest, with plain Python values.',
        startColumn: start,
        endColumn: column,
      },
      ...(create ? [operationItem('DynamoDB', create, start, column)] : []),
    ];
  }
  return [];
}

/** The identifier under the cursor with what comes before it on the line (`context.aws_request_id`). */
function dottedWordAt(lineText: string, column: number) {
  const index = column - 1;
  let start = index;
  let end = index;
  while (start > 0 && /[\w.]/.test(lineText[start - 1] ?? '')) start -= 1;
  while (end < lineText.length && /\w/.test(lineText[end] ?? '')) end += 1;
  const dotted = lineText.slice(start, end);
  const word = dotted.slice(dotted.lastIndexOf('.') + 1);
  return word ? { dotted, word, startColumn: end - word.length + 1, endColumn: end + 1 } : null;
}

const memberHover = (owner: string, m: MemberDoc) =>
  `**${owner}.${m.name}${m.kind === 'method' ? '()' : ''}** → \`${m.type}\`\n\n${m.doc}`;

/** What hovering at a 1-based line and column explains, if anything. */
export function hoverAt(text: string, line: number, column: number, facts: EditorFacts): HoverData | null {
  const lineText = text.split('\n')[line - 1] ?? '';
  const at = dottedWordAt(lineText, column);
  if (!at) return null;
  const { dotted, word, startColumn, endColumn } = at;
  const { events, contexts } = handlerParams(text, facts.handler);
  const parts = dotted.split('.');
  const range = { startColumn, endColumn };
  if (parts.length === 1 && contexts.has(word)) {
    const list = CONTEXT_MEMBERS.map((m) => `\`${m.name}${m.kind === 'method' ? '()' : ''}\``).join(', ');
    return { contents: [`**${word}**: LambdaContext`, CONTEXT_DOC, `Members: ${list}.`], ...range };
  }
  if (parts.length >= 2 && contexts.has(parts[0] ?? '')) {
    const owner = parts.slice(1, -1).join('.');
    const found = (owner ? NESTED_MEMBERS[owner] : CONTEXT_MEMBERS)?.find((m) => m.name === word);
    return found ? { contents: [memberHover(parts.slice(0, -1).join('.'), found)], ...range } : null;
  }
  if (parts.length === 1 && events.has(word)) {
    const keys = keysAt(facts.samples, []).map((k) => `\`${k.key}\``);
    const shape = facts.samples[1] ? `Your test event looks like ${facts.samples[1].source}.` : '';
    const listed = keys.length > 0 ? `Top-level keys: ${keys.join(', ')}.` : '';
    return { contents: [`**${word}**`, EVENT_DOC, `${shape} ${listed}`.trim()].filter(Boolean), ...range };
  }
  const receiver = parts.slice(0, -1).join('.');
  const service = boto3Names(text).clients.get(receiver);
  const op = service ? shimOperations(service).find((o) => o.method === word) : undefined;
  if (service && op) {
    const item = operationItem(service, op, startColumn, endColumn);
    return { contents: [`\`${item.detail}\``, item.documentation], ...range };
  }
  return null;
}
