/** Types of the operation model (awsModel.ts) and the one reader that turns its member strings into data. */
import { AWS_MODEL_SOURCE } from './awsModel';

/** s string, i integer, n float, B boolean, b blob, l list, m map, S structure, t timestamp, x str or dict. */
export const PARAM_TYPES = ['s', 'i', 'n', 'B', 'b', 'l', 'm', 'S', 't', 'x'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

/** The Python type names botocore's validation accepts for each type, as its error message words them. */
export const PYTHON_TYPE_NAMES: Readonly<Record<ParamType, readonly string[]>> = {
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

export interface ServiceSource {
  /** botocore's class name for the client: `<botocore.client.S3 object ...>`. */
  readonly id: string;
  /** Operation name -> `Name:type! Other:type ...` (its top-level input members). */
  readonly operations: Readonly<Record<string, string>>;
  /** Blob outputs botocore hands back as a StreamingBody: operation name -> output member. */
  readonly streaming?: Readonly<Record<string, string>>;
  /** The client's endpoint_url names the resource, so the shim sends it as the `$endpoint` parameter. */
  readonly endpoint?: true;
  /** boto3.resource('dynamodb').Table(...): its methods and its properties (read without a call). */
  readonly table?: { readonly methods: readonly string[]; readonly properties: readonly string[] };
}

export type AwsModelSource = Readonly<Record<string, ServiceSource>>;

export interface ParamModel {
  readonly name: string;
  readonly type: ParamType;
  readonly required: boolean;
  /** False for a member boto3 accepts and the lab's service ignores (marked `~` in awsModel.ts). */
  readonly simulated: boolean;
}

export interface OperationModel {
  /** The API name, `PutObject`. */
  readonly name: string;
  /** The client method, `put_object`. */
  readonly method: string;
  readonly params: readonly ParamModel[];
  /** The output member returned as a StreamingBody, if any. */
  readonly streaming: string | null;
}

export interface ServiceModel {
  /** boto3's service name, `s3`. */
  readonly name: string;
  readonly id: string;
  readonly endpoint: boolean;
  readonly operations: readonly OperationModel[];
}

/** botocore's naming rule: PutObject -> put_object, ListObjectsV2 -> list_objects_v2. */
export function xformName(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function isParamType(t: string): t is ParamType {
  return (PARAM_TYPES as readonly string[]).includes(t);
}

/** `Bucket:s! Key:s! ACL:s~` -> members; a malformed member is an error naming it, never dropped. */
export function parseMembers(where: string, spec: string): ParamModel[] {
  const seen = new Set<string>();
  return spec
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const m = /^(\w+):(\w)(!?)(~?)$/.exec(part);
      const type = m?.[2] ?? '';
      if (!m || !isParamType(type)) throw new Error(`${where}: cannot read member "${part}"`);
      const name = m[1] ?? '';
      if (seen.has(name)) throw new Error(`${where}: member ${name} is listed twice`);
      seen.add(name);
      return { name, type, required: m[3] === '!', simulated: m[4] !== '~' };
    });
}

export function buildModel(source: AwsModelSource): ServiceModel[] {
  return Object.entries(source).map(([name, s]) => ({
    name,
    id: s.id,
    endpoint: s.endpoint === true,
    operations: Object.entries(s.operations).map(([op, spec]) => ({
      name: op,
      method: xformName(op),
      params: parseMembers(`${name}.${op}`, spec),
      streaming: s.streaming?.[op] ?? null,
    })),
  }));
}

/** Every service the lab simulates, in the order boto3's completions list them. */
export const AWS_MODEL: readonly ServiceModel[] = buildModel(AWS_MODEL_SOURCE);

export function serviceModel(name: string): ServiceModel | undefined {
  return AWS_MODEL.find((s) => s.name === name);
}

/** The DynamoDB Table resource's members, as the shim's boto3/dynamodb/table.py defines them. */
export const TABLE_RESOURCE = AWS_MODEL_SOURCE.dynamodb.table;
