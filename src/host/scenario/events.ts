/**
 * How content names an event: a literal, a JSON file beside the exercise, a template from the facts'
 * event shapes with overrides, or a generated set (futurecoder's "declared tests + generated inputs",
 * applied to events).
 */
import { z } from 'zod';

export const Json = z.json();
export type Json = z.infer<typeof Json>;

/**
 * Event shapes the lab can build (lambda-facts.md §4); the runtime side owns the actual bytes. Record
 * templates repeat their record `records` times with fresh ids; `dynamodb-stream` cycles INSERT,
 * MODIFY, REMOVE (a REMOVE has no NewImage), as SAM's DynamoDBUpdate.json does.
 */
export const EVENT_TEMPLATES = [
  'apigw-rest',
  'apigw-http',
  's3-put',
  's3-delete',
  'sqs',
  'sns',
  'dynamodb-stream',
  'eventbridge-schedule',
  'kinesis',
] as const;
export const EventTemplateName = z.enum(EVENT_TEMPLATES);
export type EventTemplateName = z.infer<typeof EventTemplateName>;

/** A dotted path into an event; `*` means every element of an array (`Records.*.body`). */
export const EventPath = z
  .string()
  .regex(/^[A-Za-z0-9_$-]+(\.([A-Za-z0-9_$-]+|\*))*$/, 'a dotted path such as Records.0.s3.object.key');

export const EventSpec = z.union([
  z.strictObject({ json: Json }),
  /** A `.json` file, relative to the exercise (or lesson) folder. */
  z.strictObject({ file: z.string().regex(/\.json$/, 'a .json file') }),
  z.strictObject({
    template: EventTemplateName,
    /** How many records for record-based templates (SQS, SNS, S3, streams). */
    records: z.int().min(1).max(100).optional(),
    /** Values set after building the template, by dotted path. */
    with: z.record(EventPath, Json).optional(),
  }),
]);
export type EventSpec = z.infer<typeof EventSpec>;

export type Generator =
  | { kind: 'oneOf'; values: Json[] }
  | { kind: 'word'; minLength?: number | undefined; maxLength?: number | undefined }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'uuid' }
  | { kind: 'objectKey'; prefixes?: string[] | undefined; withSpaces?: boolean | undefined }
  | { kind: 'jsonString'; fields: Record<string, Generator> };

export const Generator: z.ZodType<Generator> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('oneOf'), values: z.array(Json).min(1) }),
    z.strictObject({
      kind: z.literal('word'),
      minLength: z.int().min(1).optional(),
      maxLength: z.int().min(1).optional(),
    }),
    z.strictObject({ kind: z.literal('int'), min: z.int(), max: z.int() }),
    z.strictObject({ kind: z.literal('uuid') }),
    /** S3 object keys; with spaces they arrive URL-encoded (`summer trip.jpg` -> `summer+trip.jpg`). */
    z.strictObject({
      kind: z.literal('objectKey'),
      prefixes: z.array(z.string()).optional(),
      withSpaces: z.boolean().optional(),
    }),
    /** A JSON document serialised to a string, as SQS, SNS and API Gateway bodies are. */
    z.strictObject({ kind: z.literal('jsonString'), fields: z.record(z.string(), Generator) }),
  ]),
);

/** Seeded, so a failing generated event can be shown again and the run repeats exactly. */
export const EventSet = z
  .strictObject({
    /** Start from a template, or from `base` for a custom (direct invoke) event. */
    template: EventTemplateName.optional(),
    base: Json.optional(),
    count: z.int().min(1).max(100),
    seed: z.int(),
    records: z.strictObject({ min: z.int().min(1), max: z.int().min(1) }).optional(),
    vary: z.array(z.strictObject({ path: EventPath, gen: Generator })).min(1),
  })
  .refine((s) => (s.template === undefined) !== (s.base === undefined), {
    message: 'give exactly one of template or base',
  });
export type EventSet = z.infer<typeof EventSet>;
