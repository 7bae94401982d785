/**
 * What the lab's boto3 shim supports, read from the shim's own Python sources at build time (Vite's `?raw`),
 * so the editor's completions cannot drift from what a handler can really call. shimCatalog.test.ts
 * checks the reading against the shim itself, running in real Python.
 */

import tableSource from '../../runtime/py/shim/boto3/dynamodb/table.py?raw';
import clientSource from '../../runtime/py/shim/botocore/client.py?raw';
import specsSource from '../../runtime/py/shim/botocore/lab_specs.py?raw';

export interface ShimParam {
  readonly name: string;
  /** Python type names the shim's validation accepts, as it words them (`str`, `dict`...). */
  readonly types: readonly string[];
  readonly required: boolean;
}

export interface ShimOperation {
  /** The operation's API name, `PutObject`. */
  readonly operation: string;
  /** The client method, `put_object`. */
  readonly method: string;
  readonly params: readonly ShimParam[];
}

/** The shim's type letters (lab_specs.py `_TYPE_NAMES`). */
const TYPE_NAMES: Readonly<Record<string, readonly string[]>> = {
  s: ['str'],
  i: ['int'],
  n: ['float', 'int'],
  B: ['bool'],
  b: ['bytes', 'bytearray', 'file-like object'],
  l: ['list', 'tuple'],
  m: ['dict'],
  S: ['dict'],
  t: ['datetime', 'str'],
  x: ['str', 'dict'],
};

/** botocore's naming rule: PutObject -> put_object, ListObjectsV2 -> list_objects_v2. */
export function xformName(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function parseParams(spec: string): ShimParam[] {
  return spec
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const [name = '', kind = ''] = part.split(':');
      const letter = kind.replace('!', '');
      const types = TYPE_NAMES[letter];
      if (!types) throw new Error(`lab_specs.py: unknown type letter "${letter}" in ${part}`);
      return { name, types, required: kind.endsWith('!') };
    });
}

/** Reads `_SPECS = { "service": { "Operation": "Name:s! ..." } }` from lab_specs.py. */
export function parseSpecs(source: string): Map<string, ShimOperation[]> {
  const start = source.indexOf('_SPECS = {');
  const end = source.indexOf('\n}\n', start);
  if (start < 0 || end < 0) throw new Error('lab_specs.py: _SPECS not found');
  const body = source.slice(start + '_SPECS = '.length, end + 2);
  const services = new Map<string, ShimOperation[]>();
  let depth = 0;
  let service: string | null = null;
  for (const match of body.matchAll(/"(\w+)"\s*:\s*(?:(\{)|"([^"]*)")|([{}])/g)) {
    const [, key, open, spec, brace] = match;
    if (brace === '{') depth += 1;
    else if (brace === '}') depth -= 1;
    else if (open && key && depth === 1) {
      service = key;
      services.set(key, []);
      depth += 1;
    } else if (key && spec !== undefined && depth === 2 && service) {
      services.get(service)?.push({ operation: key, method: xformName(key), params: parseParams(spec) });
    } else {
      throw new Error(`lab_specs.py: unexpected ${match[0]} at depth ${depth}`);
    }
  }
  return services;
}

/** `SERVICE_IDS = {"s3": "S3", ...}` from botocore/client.py: the names boto3.client() accepts. */
export function parseServiceIds(source: string): string[] {
  const block = /SERVICE_IDS = \{([^}]*)\}/.exec(source)?.[1];
  if (!block) throw new Error('client.py: SERVICE_IDS not found');
  return [...block.matchAll(/"([\w-]+)"\s*:/g)].map((m) => m[1] ?? '');
}

/** Public methods and properties of a class in a Python source (`def name(self` inside `class Name:`). */
export function parseClassMembers(source: string, className: string): string[] {
  const start = source.indexOf(`\nclass ${className}`);
  if (start < 0) throw new Error(`class ${className} not found`);
  const next = source.indexOf('\nclass ', start + 1);
  const body = source.slice(start, next < 0 ? undefined : next);
  return [...body.matchAll(/\n {4}def ([a-zA-Z]\w*)\(self/g)].map((m) => m[1] ?? '');
}

const SPECS = parseSpecs(specsSource);

/** Services boto3.client() accepts in the lab, in the shim's order. */
export const SHIM_SERVICES: readonly string[] = parseServiceIds(clientSource);

/** The client methods of one service (empty for a service the shim does not know). */
export function shimOperations(service: string): readonly ShimOperation[] {
  return SPECS.get(service) ?? [];
}

/** boto3.resource('dynamodb').Table(...) methods; most call the client method of the same name. */
export const TABLE_MEMBERS: readonly string[] = parseClassMembers(tableSource, 'Table');

/** The Table members that are properties (read without a call). */
export const TABLE_PROPERTIES: ReadonlySet<string> = new Set(
  [...tableSource.matchAll(/@property\n {4}def (\w+)\(/g)].map((m) => m[1] ?? ''),
);

/** A call signature for a completion's detail: `put_object(Bucket, Key, Body=..., ...)`. */
export function signature(op: ShimOperation, omit: readonly string[] = []): string {
  const params = op.params.filter((p) => !omit.includes(p.name));
  const required = params.filter((p) => p.required).map((p) => p.name);
  const optional = params.filter((p) => !p.required).map((p) => `${p.name}=…`);
  return `${op.method}(${[...required, ...optional].join(', ')})`;
}
