/**
 * Hidden checks of an exercise: a `kind`-discriminated union (STYLE.md #7), never boolean flags.
 * `invoke` runs the learner's handler, `world` drives the whole world and asserts on its state,
 * `ast` reads the code's syntax tree, `config` the function's settings, `policy` the execution role.
 */
import { z } from 'zod';
import { EventPath, EventSet, EventSpec, Json } from '../host/scenario/events';
import { Action, ManagedPolicy } from '../host/scenario/world';
// The one module, not the sim's index: this file is in the first-paint bundle, the simulation is not.
import type { TraceName } from '../sim/trace';
import { isTraceName, TRACE_NAMES } from '../sim/traceNameList';

export const CheckId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id');
const Name = z.string().min(1);

export const NumRange = z.union([
  z.strictObject({ equals: z.number() }),
  z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
]);
export type NumRange = z.infer<typeof NumRange>;

/** A name the kernel's trace emits (`TraceName`): a misspelt one would make a count check vacuous. */
export const ContentTraceName = z.custom<TraceName>((v) => typeof v === 'string' && isTraceName(v), {
  error: (issue) => `unknown trace name ${JSON.stringify(issue.input)}${suggestTraceName(issue.input)}`,
});

function suggestTraceName(input: unknown): string {
  if (typeof input !== 'string') return '';
  const service = input.split('.')[0];
  const same = TRACE_NAMES.filter((n) => n.split('.')[0] === service);
  return same.length > 0 ? `; ${service} names: ${same.join(', ')}` : '';
}

export const TraceAssertion = z.strictObject({
  name: ContentTraceName,
  /** Payload fields that must match exactly (`{ cold: true }`). */
  where: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  count: NumRange,
});
export type TraceAssertion = z.infer<typeof TraceAssertion>;

export const ValueAssertion = z.strictObject({
  path: EventPath,
  /** Parse the string found at `path` as JSON before looking further (an API Gateway `body`). */
  parseJson: z.boolean().optional(),
  /** Path inside the parsed JSON (with `parseJson`). */
  inner: EventPath.optional(),
  equals: Json.optional(),
  matches: z.string().optional(),
  type: z.enum(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']).optional(),
  length: z.int().min(0).optional(),
});
export type ValueAssertion = z.infer<typeof ValueAssertion>;

export const InvokeExpect = z.strictObject({
  status: z.enum(['success', 'error', 'timeout', 'outOfMemory']).optional(),
  errorType: z.string().optional(),
  response: Json.optional(),
  responseIncludes: Json.optional(),
  responsePaths: z.array(ValueAssertion).optional(),
  /** Compare with the reference solution's response to the same event (generated sets). */
  matchesSolution: z.boolean().optional(),
  logsContain: z.array(z.string()).optional(),
  logsNotContain: z.array(z.string()).optional(),
  /** How often a line appears across every invoke of the check (connection reuse: once). */
  logCount: z.array(z.strictObject({ text: z.string(), count: NumRange })).optional(),
  perInvoke: z
    .array(
      z.strictObject({
        cold: z.boolean().optional(),
        durationMs: NumRange.optional(),
      }),
    )
    .optional(),
  trace: z.array(TraceAssertion).optional(),
});
export type InvokeExpect = z.infer<typeof InvokeExpect>;

const Common = { id: CheckId, title: z.string().min(1) };

export const InvokeCheck = z
  .strictObject({
    kind: z.literal('invoke'),
    ...Common,
    function: Name.optional(),
    event: EventSpec.optional(),
    events: z.array(EventSpec).min(1).optional(),
    eventSet: EventSet.optional(),
    /** Virtual time between the invokes of `events`; past the idle lifetime the next one is cold. */
    gapMs: z.int().min(0).optional(),
    expect: InvokeExpect,
  })
  .refine((c) => [c.event, c.events, c.eventSet].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of event, events or eventSet',
  });

export const WorldAssertion = z.discriminatedUnion('that', [
  z.strictObject({
    that: z.literal('itemExists'),
    table: Name,
    key: z.record(z.string(), Json),
    attributes: z.record(z.string(), Json).optional(),
  }),
  z.strictObject({ that: z.literal('itemCount'), table: Name, count: NumRange }),
  z.strictObject({
    that: z.literal('queueMessages'),
    queue: Name,
    count: NumRange.optional(),
    bodiesInclude: z.array(z.string()).optional(),
    bodiesExclude: z.array(z.string()).optional(),
  }),
  z.strictObject({ that: z.literal('objectExists'), bucket: Name, key: z.string() }),
  z.strictObject({ that: z.literal('invocations'), function: Name, count: NumRange }),
  z.strictObject({ that: z.literal('noThrottles'), function: Name.optional() }),
  z.strictObject({ that: z.literal('noErrors'), function: Name }),
  z.strictObject({ that: z.literal('coldStarts'), function: Name, count: NumRange }),
  z.strictObject({
    that: z.literal('latency'),
    function: Name,
    percentile: z.union([z.literal(50), z.literal(90), z.literal(95), z.literal(99)]),
    belowMs: z.number().positive(),
  }),
  z.strictObject({
    that: z.literal('httpResponses'),
    /** Which `http` actions, 1-based; all of them when omitted. */
    requests: z.array(z.int().min(1)).optional(),
    status: z.array(z.int().min(100).max(599)).min(1),
    bodyPaths: z.array(ValueAssertion).optional(),
  }),
  z.strictObject({ that: z.literal('trace'), ...TraceAssertion.shape }),
]);
export type WorldAssertion = z.infer<typeof WorldAssertion>;

export const WorldCheck = z.strictObject({
  kind: z.literal('world'),
  ...Common,
  actions: z.array(Action).min(1),
  assert: z.array(WorldAssertion).min(1),
});

/** Syntax-tree rules; the checker implements them over Python's `ast` (and JSON for policy files). */
export const AstRule = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('handlerDefined'), name: z.string(), params: z.int().min(0).max(2) }),
  /** The SDK client or resource is created at module level (Init) and never inside a function. */
  z.strictObject({ rule: z.literal('clientAtModuleLevel'), service: z.string().optional() }),
  z.strictObject({ rule: z.literal('readsEnvVar'), name: z.string() }),
  z.strictObject({ rule: z.literal('noStringLiteral'), values: z.array(z.string()).min(1) }),
  z.strictObject({ rule: z.literal('callsOperation'), service: z.string(), operation: z.string() }),
  z.strictObject({ rule: z.literal('noOperation'), service: z.string(), operation: z.string() }),
  z.strictObject({ rule: z.literal('imports'), module: z.string() }),
  z.strictObject({ rule: z.literal('noImport'), module: z.string() }),
  z.strictObject({ rule: z.literal('noDefinition'), name: z.string() }),
  z.strictObject({ rule: z.literal('iteratesRecords') }),
  /** For a JSON policy document: no `*` inside any Action (and, with `resources`, any Resource). */
  z.strictObject({ rule: z.literal('noWildcardAction'), resources: z.boolean().optional() }),
]);
export type AstRule = z.infer<typeof AstRule>;

export const AstCheck = z.strictObject({
  kind: z.literal('ast'),
  ...Common,
  /** A workspace file path, as listed in the exercise's `files`. */
  file: z.string(),
  rule: AstRule,
});

export const ConfigExpect = z.strictObject({
  memoryMb: NumRange.optional(),
  timeoutS: NumRange.optional(),
  ephemeralStorageMb: NumRange.optional(),
  reservedConcurrency: NumRange.optional(),
  provisionedConcurrency: NumRange.optional(),
  envPresent: z.array(z.string()).optional(),
  envAbsent: z.array(z.string()).optional(),
  envEquals: z.record(z.string(), z.string()).optional(),
  packageType: z.enum(['Zip', 'Image']).optional(),
  layersInclude: z.array(Name).optional(),
  /** Modeled unzipped package size: code + requirements (lessons/package-sizes.yaml) + extra. */
  packageMb: NumRange.optional(),
  requirementsExclude: z.array(z.string()).optional(),
  handler: z.string().optional(),
});
export type ConfigExpect = z.infer<typeof ConfigExpect>;

export const ConfigCheck = z.strictObject({
  kind: z.literal('config'),
  ...Common,
  function: Name,
  expect: ConfigExpect,
});

export const PolicyCheck = z.strictObject({
  kind: z.literal('policy'),
  ...Common,
  role: Name,
  /** Exactly these actions are allowed by the inline policy: nothing missing, nothing extra. */
  actions: z.array(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9*]+$/, 'service:Action')).min(1),
  /** Every allowed action must be scoped to one of these ARNs. */
  resources: z.array(z.string().startsWith('arn:')).min(1).optional(),
  /** Managed policies that may (and, listed here, must) be attached besides the inline policy. */
  managedPolicies: z.array(ManagedPolicy).optional(),
});

export const Check = z.discriminatedUnion('kind', [
  InvokeCheck,
  WorldCheck,
  AstCheck,
  ConfigCheck,
  PolicyCheck,
]);
export type Check = z.infer<typeof Check>;
export type CheckKind = Check['kind'];
export type CheckOf<K extends CheckKind> = Extract<Check, { kind: K }>;
