/**
 * What the lab's boto3 shim supports, for the editor's completions: a view of the operation model
 * (src/sim/services/model), the same source the Python shim is generated from and the TS services are
 * checked against, so completions cannot drift from what a handler can really call.
 */
import {
  AWS_MODEL,
  PYTHON_TYPE_NAMES,
  TABLE_RESOURCE,
  xformName,
} from '../../sim/services/model/operationModel';

export { xformName };

export interface ShimParam {
  readonly name: string;
  /** Python type names the shim's validation accepts, as it words them (`str`, `dict`...). */
  readonly types: readonly string[];
  readonly required: boolean;
  /** False for a member the shim accepts and the lab ignores (ACL, Tags...): docs can say so. */
  readonly simulated: boolean;
}

export interface ShimOperation {
  /** The operation's API name, `PutObject`. */
  readonly operation: string;
  /** The client method, `put_object`. */
  readonly method: string;
  readonly params: readonly ShimParam[];
}

const OPERATIONS: ReadonlyMap<string, readonly ShimOperation[]> = new Map(
  AWS_MODEL.map((s) => [
    s.name,
    s.operations.map((o) => ({
      operation: o.name,
      method: o.method,
      params: o.params.map((p) => ({
        name: p.name,
        types: PYTHON_TYPE_NAMES[p.type],
        required: p.required,
        simulated: p.simulated,
      })),
    })),
  ]),
);

/** Services boto3.client() accepts in the lab, in the model's order. */
export const SHIM_SERVICES: readonly string[] = AWS_MODEL.map((s) => s.name);

/** The client methods of one service (empty for a service the shim does not know). */
export function shimOperations(service: string): readonly ShimOperation[] {
  return OPERATIONS.get(service) ?? [];
}

/** boto3.resource('dynamodb').Table(...) methods and properties; most methods call the client's of that name. */
export const TABLE_MEMBERS: readonly string[] = [...TABLE_RESOURCE.methods, ...TABLE_RESOURCE.properties];

/** The Table members that are properties (read without a call). */
export const TABLE_PROPERTIES: ReadonlySet<string> = new Set(TABLE_RESOURCE.properties);

/** A call signature for a completion's detail: `put_object(Bucket, Key, Body=..., ...)`. */
export function signature(op: ShimOperation, omit: readonly string[] = []): string {
  const params = op.params.filter((p) => !omit.includes(p.name));
  const required = params.filter((p) => p.required).map((p) => p.name);
  const optional = params.filter((p) => !p.required).map((p) => `${p.name}=…`);
  return `${op.method}(${[...required, ...optional].join(', ')})`;
}
