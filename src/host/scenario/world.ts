/**
 * A prepared world as data (learnGitBranching's start state): functions, roles and the services around
 * them. "Open in the lab", exercises and predict-the-timeline questions all start from one of these;
 * the controller turns it into sim commands.
 */
import { z } from 'zod';
import { EventSpec, Json } from './events';

const Name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, - _ . (max 64)');

export const MANAGED_POLICIES = [
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
] as const;
export const ManagedPolicy = z.enum(MANAGED_POLICIES);

export const PolicyStatement = z.strictObject({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: z.union([z.string(), z.array(z.string()).min(1)]),
  Resource: z.union([z.string(), z.array(z.string()).min(1)]),
});
export const PolicyDocument = z.strictObject({
  Version: z.literal('2012-10-17'),
  Statement: z.array(PolicyStatement).min(1),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

/** Where a function's or layer's files come from. */
export const CodeSource = z.union([
  /** The learner's files: those an exercise maps to this function or layer. */
  z.literal('workspace'),
  /** A folder beside the world file (`worlds/<id>/<dir>`), or beside the exercise. */
  z.strictObject({ dir: z.string() }),
]);

export const FunctionSpec = z.strictObject({
  name: Name,
  runtime: z.string().default('python3.12'),
  handler: z.string().regex(/^[A-Za-z0-9_/]+\.[A-Za-z_][A-Za-z0-9_]*$/, 'file_name.function_name'),
  code: CodeSource,
  role: Name,
  memoryMb: z.int().min(128).max(10_240).optional(),
  timeoutS: z.int().min(1).max(900).optional(),
  ephemeralStorageMb: z.int().min(512).max(10_240).optional(),
  env: z.record(z.string(), z.string()).optional(),
  layers: z.array(Name).max(5).optional(),
  packageType: z.enum(['Zip', 'Image']).optional(),
  /** A requirements file in the code whose packages count toward the modeled package size. */
  requirements: z.string().optional(),
  /** Extra modeled size of the deployment package, beyond code and requirements. */
  extraPackageMb: z.number().min(0).optional(),
  reservedConcurrency: z.int().min(0).optional(),
  provisionedConcurrency: z.int().min(0).optional(),
  /** SnapStart on published versions: the world publishes one and routes traffic through alias `live`. */
  snapStart: z.boolean().optional(),
  /**
   * A canary release: the code above is published as version 1, `nextCode` as version 2, and the alias
   * sends `weight` (0-1) of its requests to version 2. Invokes without a qualifier go through the alias.
   */
  canary: z
    .strictObject({
      alias: Name,
      nextCode: z.strictObject({ dir: z.string() }),
      weight: z.number().gt(0).lt(1),
    })
    .optional(),
  vpc: z.strictObject({ natGateway: z.boolean(), endpoints: z.array(z.string()) }).optional(),
  async: z
    .strictObject({
      maximumRetryAttempts: z.int().min(0).max(2).optional(),
      maximumEventAgeS: z.int().min(60).max(21_600).optional(),
      onFailure: Name.optional(),
      onSuccess: Name.optional(),
      deadLetterQueue: Name.optional(),
    })
    .optional(),
});
export type FunctionSpec = z.infer<typeof FunctionSpec>;

export const WorldSpec = z.strictObject({
  id: Name,
  title: z.string(),
  description: z.string().optional(),
  seed: z.int().default(1),
  functions: z.array(FunctionSpec).min(1),
  layers: z
    .array(
      z.strictObject({ name: Name, code: CodeSource, compatibleRuntimes: z.array(z.string()).optional() }),
    )
    .optional(),
  roles: z
    .array(
      z.strictObject({
        name: Name,
        /** Who may assume the role; Lambda roles trust lambda.amazonaws.com. */
        trustedService: z.string().default('lambda.amazonaws.com'),
        managedPolicies: z.array(ManagedPolicy).optional(),
        inlinePolicy: z.union([PolicyDocument, z.literal('workspace')]).optional(),
      }),
    )
    .min(1),
  tables: z
    .array(
      z.strictObject({
        name: Name,
        partitionKey: z.strictObject({ name: z.string(), type: z.enum(['S', 'N']) }),
        sortKey: z.strictObject({ name: z.string(), type: z.enum(['S', 'N']) }).optional(),
        stream: z.enum(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']).optional(),
        items: z.array(z.record(z.string(), Json)).optional(),
      }),
    )
    .optional(),
  queues: z
    .array(
      z.strictObject({
        name: Name,
        visibilityTimeoutS: z.int().min(0).max(43_200).optional(),
        redrive: z.strictObject({ deadLetterQueue: Name, maxReceiveCount: z.int().min(1) }).optional(),
      }),
    )
    .optional(),
  topics: z
    .array(
      z.strictObject({
        name: Name,
        subscriptions: z.array(z.strictObject({ protocol: z.enum(['lambda', 'sqs']), endpoint: Name })),
      }),
    )
    .optional(),
  buckets: z
    .array(
      z.strictObject({
        name: Name,
        notifications: z
          .array(
            z.strictObject({
              events: z.array(z.string()).min(1),
              function: Name,
              prefix: z.string().optional(),
              suffix: z.string().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  eventSourceMappings: z
    .array(
      z.strictObject({
        function: Name,
        source: z.union([z.strictObject({ queue: Name }), z.strictObject({ tableStream: Name })]),
        batchSize: z.int().min(1).max(10_000).optional(),
        batchWindowS: z.int().min(0).max(300).optional(),
        reportBatchItemFailures: z.boolean().optional(),
        startingPosition: z.enum(['TRIM_HORIZON', 'LATEST']).optional(),
        maximumRetryAttempts: z.int().min(-1).max(10_000).optional(),
        bisectOnError: z.boolean().optional(),
        onFailure: Name.optional(),
      }),
    )
    .optional(),
  apis: z
    .array(
      z.strictObject({
        name: Name,
        type: z.enum(['REST', 'HTTP']),
        stages: z.array(z.string()).min(1),
        routes: z
          .array(
            z.strictObject({
              method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'ANY']),
              path: z.string().startsWith('/'),
              function: Name,
            }),
          )
          .min(1),
      }),
    )
    .optional(),
  /** Push sources need a resource-based policy on the function: who may call lambda:InvokeFunction. */
  permissions: z
    .array(z.strictObject({ function: Name, principal: z.string(), sourceArn: z.string().optional() }))
    .optional(),
  schedules: z.array(z.strictObject({ name: Name, rate: z.string(), function: Name })).optional(),
});
export type WorldSpec = z.infer<typeof WorldSpec>;

/** Something done to a world: by a check before asserting, or by a predict question before revealing. */
export const Action = z.discriminatedUnion('do', [
  z.strictObject({
    do: z.literal('invoke'),
    function: Name,
    qualifier: z.string().optional(),
    event: EventSpec,
    invocationType: z.enum(['RequestResponse', 'Event']).optional(),
    times: z.int().min(1).max(1000).optional(),
    /** Virtual time between repeated invokes; 0 sends them all at once (concurrently). */
    everyMs: z.int().min(0).optional(),
  }),
  z.strictObject({
    do: z.literal('http'),
    api: Name,
    stage: z.string().optional(),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: z.string().startsWith('/'),
    query: z.record(z.string(), z.string()).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** A JSON value is serialised; a string is sent as it is. */
    body: Json.optional(),
  }),
  z.strictObject({ do: z.literal('sqsSend'), queue: Name, bodies: z.array(Json).min(1) }),
  z.strictObject({
    do: z.literal('s3Put'),
    bucket: Name,
    key: z.string(),
    body: z.string().optional(),
    sizeBytes: z.int().min(0).optional(),
  }),
  z.strictObject({ do: z.literal('snsPublish'), topic: Name, message: Json, subject: z.string().optional() }),
  z.strictObject({ do: z.literal('dynamodbPut'), table: Name, item: z.record(z.string(), Json) }),
  z.strictObject({ do: z.literal('dynamodbDelete'), table: Name, key: z.record(z.string(), Json) }),
  z.strictObject({ do: z.literal('advance'), ms: z.int().min(0) }),
  z.strictObject({ do: z.literal('runUntilIdle') }),
  /** Steady load for latency and throttling goals: `ratePerSecond` requests for `durationS`. */
  z.strictObject({
    do: z.literal('traffic'),
    target: z.union([
      z.strictObject({ function: Name, event: EventSpec }),
      z.strictObject({
        api: Name,
        method: z.enum(['GET', 'POST']),
        path: z.string().startsWith('/'),
        /** Sent with every request; `{n}` in it becomes the request's number (1, 2, ...) for unique ids. */
        body: Json.optional(),
      }),
    ]),
    ratePerSecond: z.number().positive().max(10_000),
    durationS: z.number().positive().max(3600),
  }),
  z.strictObject({
    do: z.literal('updateConfig'),
    function: Name,
    memoryMb: z.int().min(128).max(10_240).optional(),
    timeoutS: z.int().min(1).max(900).optional(),
    env: z.record(z.string(), z.string()).optional(),
  }),
]);
export type Action = z.infer<typeof Action>;
