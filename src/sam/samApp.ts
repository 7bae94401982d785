/**
 * A SAM application as the lab holds it: the workspace (functions with their code, configuration, roles,
 * triggers and layers, as the learner edits them) plus what a workspace cannot hold (tables with their
 * keys, queues with their attributes, secrets, parameters, ...), and the warnings for what the lab does
 * not simulate.
 */
import { ACCOUNT_ID_DEFAULT, REGION_DEFAULT } from '../sim/limits';
import type { JsonObject } from '../sim/services/json';
import type { WorkspaceDoc } from '../store/workspaceDoc';

export type KeyType = 'S' | 'N' | 'B';

export type SamResource =
  | {
      readonly kind: 'table';
      readonly logicalId: string;
      readonly name: string;
      readonly keys: readonly { readonly name: string; readonly type: KeyType }[];
      readonly stream: string | null;
      /** Secondary indexes as the template declares them, with the attribute definitions they need. */
      readonly indexes?: {
        readonly attributes: readonly { readonly name: string; readonly type: KeyType }[];
        readonly global: readonly JsonObject[];
        readonly local: readonly JsonObject[];
      };
    }
  | {
      readonly kind: 'queue';
      readonly logicalId: string;
      readonly name: string;
      readonly attributes: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'topic'; readonly logicalId: string; readonly name: string; readonly fifo: boolean }
  | {
      readonly kind: 'subscription';
      readonly logicalId: string;
      readonly topicArn: string;
      readonly protocol: string;
      readonly endpoint: string;
    }
  | { readonly kind: 'bucket'; readonly logicalId: string; readonly name: string }
  | { readonly kind: 'stream'; readonly logicalId: string; readonly name: string; readonly shards: number }
  | {
      readonly kind: 'rule';
      readonly logicalId: string;
      readonly name: string;
      readonly schedule: string | null;
      readonly pattern: string | null;
      readonly enabled: boolean;
      readonly targets: readonly { readonly id: string; readonly arn: string }[];
    }
  | { readonly kind: 'secret'; readonly logicalId: string; readonly name: string; readonly value: string }
  | {
      readonly kind: 'parameter';
      readonly logicalId: string;
      readonly name: string;
      readonly type: string;
      readonly value: string;
    }
  | {
      readonly kind: 'websocketApi';
      readonly logicalId: string;
      readonly name: string;
      /** The route selection expression, `$request.body.action` by default. */
      readonly selection: string;
      readonly stage: string | null;
      readonly routes: readonly { readonly routeKey: string; readonly functionName: string }[];
    }
  | {
      readonly kind: 'permission';
      readonly logicalId: string;
      readonly functionName: string;
      readonly principal: string;
      readonly sourceArn: string | null;
    };

/** An API (Serverless::Api, HttpApi, or the implicit ones SAM makes for Api/HttpApi events). */
export interface SamApi {
  readonly logicalId: string;
  /** The API's name (its Name property, else the logical id): triggers and the console use it. */
  readonly name: string;
  readonly type: 'REST' | 'HTTP';
  readonly stage: string;
  readonly routes: readonly {
    readonly method: string;
    readonly path: string;
    readonly functionName: string;
  }[];
}

/** Settings of a function the workspace draft has no field for. */
export interface FunctionExtras {
  readonly logicalId: string;
  readonly autoPublishAlias: string | null;
  readonly deadLetterArn: string | null;
  /** Event source mappings the draft's triggers cannot express (Kinesis; extra properties). */
  readonly mappings: readonly { readonly triggerId: string; readonly params: JsonObject }[];
  /** SNS events' FilterPolicy (JSON text) and FilterPolicyScope, by trigger id. */
  readonly snsFilters: Readonly<Record<string, { readonly policy: string; readonly scope: string | null }>>;
}

export interface SamWarning {
  /** The resource type (or feature) the lab leaves out, and the logical ids it concerns. */
  readonly subject: string;
  readonly logicalIds: readonly string[];
  readonly message: string;
}

export interface SamApp {
  readonly stackName: string;
  readonly workspace: WorkspaceDoc;
  readonly resources: readonly SamResource[];
  readonly apis: readonly SamApi[];
  readonly extras: Readonly<Record<string, FunctionExtras>>;
  readonly warnings: readonly SamWarning[];
}

export const REGION = REGION_DEFAULT;
export const ACCOUNT = ACCOUNT_ID_DEFAULT;
export const arnOf = {
  queue: (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`,
  topic: (name: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`,
  table: (name: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`,
  stream: (name: string) => `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${name}`,
  fn: (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`,
  rule: (name: string) => `arn:aws:events:${REGION}:${ACCOUNT}:rule/${name}`,
  role: (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`,
  bucket: (name: string) => `arn:aws:s3:::${name}`,
  parameter: (name: string) => `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${name.replace(/^\//, '')}`,
  layer: (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:layer:${name}:1`,
};

/** The last part of an ARN (`...:queue-name`, `.../table-name`), or the text itself. */
export function nameFromArn(arn: string): string {
  const named = /:table\/([^/]+)/.exec(arn) ?? /:function:([^:]+)/.exec(arn);
  if (named) return named[1] as string;
  const tail = arn.split(/[:/]/).pop() ?? arn;
  return arn.startsWith('arn:') ? tail : arn;
}
