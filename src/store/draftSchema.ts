/**
 * The shape of one function draft (format 3): code, configuration, execution role, triggers, layers,
 * destinations and VPC, as the learner typed them. Only the data's shape is checked here; Lambda's own
 * rules (ranges, reserved names, patterns) are the simulator's and run at deploy and as the learner types.
 * zod/mini, not zod: the store validates saves before the first paint, and mini is a fraction of the size.
 */
import { z } from 'zod/mini';
import { ASYNC_MAX_EVENT_AGE_MAX_S, ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT } from '../sim/limits';

/** A name, key or id that must not be empty. */
export const nonEmpty = z.string().check(z.minLength(1));
const fileTree = z.record(nonEmpty, z.string());
const triggerId = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'letters, digits and - (1-64)'));

export const S3_EVENT_TYPES = [
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectRemoved:*',
] as const;

export const HTTP_METHODS = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const triggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('s3'),
    id: triggerId,
    bucket: z.string(),
    events: z.array(z.enum(S3_EVENT_TYPES)),
    prefix: z.string(),
    suffix: z.string(),
  }),
  z.strictObject({
    kind: z.literal('sqs'),
    id: triggerId,
    queue: z.string(),
    batchSize: z.int(),
    batchWindowS: z.int(),
    reportBatchItemFailures: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('sns'), id: triggerId, topic: z.string() }),
  z.strictObject({
    kind: z.literal('dynamodb'),
    id: triggerId,
    table: z.string(),
    startingPosition: z.enum(['LATEST', 'TRIM_HORIZON']),
    batchSize: z.int(),
  }),
  z.strictObject({
    kind: z.literal('apigateway'),
    id: triggerId,
    apiType: z.enum(['REST', 'HTTP']),
    apiName: z.string(),
    method: z.enum(HTTP_METHODS),
    path: z.string(),
    stage: z.string(),
  }),
  z.strictObject({
    kind: z.literal('eventbridge'),
    id: triggerId,
    ruleName: z.string(),
    mode: z.enum(['schedule', 'pattern']),
    /** Both texts are kept while the learner switches modes; only the one `mode` names is used. */
    schedule: z.string(),
    eventPattern: z.string(),
  }),
]);
export type TriggerSpec = z.infer<typeof triggerSchema>;
export type TriggerKind = TriggerSpec['kind'];

const destinationSchema = z.strictObject({
  kind: z.enum(['sqs', 'sns', 'lambda']),
  name: z.string(),
});
export type DestinationRef = z.infer<typeof destinationSchema>;

export const functionDraftSchema = z.strictObject({
  files: fileTree,
  handler: z.string(),
  runtime: z.string(),
  memorySize: z.int(),
  timeout: z.int(),
  ephemeralStorage: z.int(),
  architecture: z.enum(['x86_64', 'arm64']),
  /** SnapStart on published versions (Python 3.12+); absent in older saves, meaning off. */
  snapStart: z.optional(z.boolean()),
  environment: z.record(z.string(), z.string()),
  /** Saved test events by name, as the JSON text the learner typed (kept even when invalid). */
  events: z.record(nonEmpty, z.string()),
  activeEvent: z.string(),
  activeFile: z.string(),
  /** null: no reservation (the function draws on the account's unreserved pool). */
  reservedConcurrency: z.nullable(z.int()),
  /** 0: none. Otherwise Deploy publishes a version behind the alias `live` and provisions it. */
  provisionedConcurrency: z.int(),
  /** Workspace layer names, in the order Lambda merges them into /opt. */
  layers: z.array(nonEmpty),
  role: z.strictObject({
    /** '' means the function's own role, `<function>-role`. */
    name: z.string(),
    /** Names from the lab's managed policy set (AWSLambdaBasicExecutionRole, ...). */
    managedPolicies: z.array(nonEmpty),
    /** The inline policy as typed, kept even when it is not valid JSON yet; '' for none. */
    inlinePolicy: z.string(),
  }),
  triggers: z.array(triggerSchema),
  destinations: z.strictObject({
    onSuccess: z.nullable(destinationSchema),
    onFailure: z.nullable(destinationSchema),
    maximumRetryAttempts: z.int(),
    maximumEventAgeS: z.int(),
  }),
  vpc: z.strictObject({
    enabled: z.boolean(),
    subnetIds: z.array(z.string()),
    securityGroupIds: z.array(z.string()),
  }),
});
export type FunctionDraft = z.infer<typeof functionDraftSchema>;

export const layerDraftSchema = z.strictObject({
  files: fileTree,
  compatibleRuntimes: z.array(z.string()),
});
export type LayerDraft = z.infer<typeof layerDraftSchema>;

export const BASIC_EXECUTION_POLICY = 'AWSLambdaBasicExecutionRole';

/** The console's default for a new function: a role of its own with basic logging permissions. */
export const defaultRole = (): FunctionDraft['role'] => ({
  name: '',
  managedPolicies: [BASIC_EXECUTION_POLICY],
  inlinePolicy: '',
});

/** The settings a function gets before the learner changes anything (the console's defaults). */
export const defaultSettings = (): Pick<
  FunctionDraft,
  'reservedConcurrency' | 'provisionedConcurrency' | 'layers' | 'role' | 'triggers' | 'destinations' | 'vpc'
> => ({
  reservedConcurrency: null,
  provisionedConcurrency: 0,
  layers: [],
  role: defaultRole(),
  triggers: [],
  destinations: {
    onSuccess: null,
    onFailure: null,
    maximumRetryAttempts: ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT,
    maximumEventAgeS: ASYNC_MAX_EVENT_AGE_MAX_S,
  },
  vpc: { enabled: false, subnetIds: [], securityGroupIds: [] },
});

/** The execution role's name in the world. */
export const roleNameOf = (functionName: string, draft: Pick<FunctionDraft, 'role'>): string =>
  draft.role.name || `${functionName.slice(0, 59)}-role`;
