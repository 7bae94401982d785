/**
 * A scripted demo as data (lessons/demos/<id>.yaml): a prepared world, then steps, each with narration
 * for the room, notes for the instructor, one action and the visualizer to show. Actions are the
 * content's own (invoke, http, sqsSend, advance, ...) plus the few an instructor does live: deploy new
 * code, burst, fill a queue, change a mapping's batch size, fix a role's policy, turn on provisioned
 * concurrency.
 */
import { z } from 'zod';
import { EventSpec } from '../host/scenario/events';
import { Action, PolicyDocument, WorldSpec } from '../host/scenario/world';

const Name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, - _ . (max 64)');

export const DemoExtraAction = z.discriminatedUnion('do', [
  /** Replace a function's code with the files of a folder beside the demo (a new deployment). */
  z.strictObject({ do: z.literal('deploy'), function: Name, dir: z.string().min(1) }),
  /** `count` synchronous invokes at the same virtual instant. */
  z.strictObject({
    do: z.literal('burst'),
    function: Name,
    count: z.int().min(1).max(1000),
    event: EventSpec.optional(),
  }),
  /** `count` messages (`{"order": n}`) sent to a queue at once: a backlog to drain. */
  z.strictObject({ do: z.literal('sqsBacklog'), queue: Name, count: z.int().min(1).max(10_000) }),
  /** The SQS mapping of `function` on `queue` reads `batchSize` messages per invoke from now on. */
  z.strictObject({
    do: z.literal('setBatchSize'),
    function: Name,
    queue: Name,
    batchSize: z.int().min(1).max(10_000),
    batchWindowS: z.int().min(0).max(300).optional(),
  }),
  /** Put (or replace) an inline policy on a role: the live fix for AccessDenied. */
  z.strictObject({ do: z.literal('putPolicy'), role: Name, policy: PolicyDocument }),
  /** Publish a version, point the alias `live` at it and keep `count` environments initialised. */
  z.strictObject({
    do: z.literal('setProvisionedConcurrency'),
    function: Name,
    count: z.int().min(1).max(1000),
  }),
]);
export type DemoExtraAction = z.infer<typeof DemoExtraAction>;

export const DemoAction = z.discriminatedUnion('do', [...Action.options, ...DemoExtraAction.options]);
export type DemoAction = z.infer<typeof DemoAction>;

export const VIZ_KINDS = ['timeline', 'flow', 'pushPoll', 'logs'] as const;
export const VizKind = z.enum(VIZ_KINDS);
export type VizKind = z.infer<typeof VizKind>;

export const DemoStep = z.strictObject({
  /** A few words, for the step list and the notes window's "next up". */
  title: z.string().min(1).max(60),
  /** What the room hears: shown under the visualizer, large. */
  say: z.string().min(1),
  /** What the instructor should point at (notes window only). */
  notes: z.string().optional(),
  /** Narration-only steps have no action. */
  run: DemoAction.optional(),
  show: VizKind.optional(),
});
export type DemoStep = z.infer<typeof DemoStep>;

export const DemoScript = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case, matching the file name'),
  title: z.string().min(1),
  lesson: z.string().regex(/^\d{2}-[a-z0-9-]+$/),
  /** One or two sentences: what the demo proves. */
  summary: z.string().min(1),
  show: VizKind,
  world: WorldSpec,
  steps: z.array(DemoStep).min(1).max(20),
});
export type DemoScript = z.infer<typeof DemoScript>;
