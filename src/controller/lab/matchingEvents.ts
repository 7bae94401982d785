/**
 * Test events that match what a function really receives: an exercise's own check events (the same
 * JSON its hidden checks send), else a template for the source wired to the function in its world (an
 * SQS batch for a queue consumer, an S3 put for a bucket's notification). Never `{"name": "student"}`
 * for a handler that reads `event["Records"]`.
 */

import { buildTemplateEvent, resolveEvent } from '../../host/scenario/eventSource';
import type { EventTemplateName, Json } from '../../host/scenario/events';
import type { WorldSpec } from '../../host/scenario/world';
import type { Exercise } from '../../lessons/schema';
import { createRng } from '../../sim';

/** The console's limit: up to ten saved events per function. */
const MAX_EVENTS = 10;
const eventName = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 25);
const text = (event: Json) => `${JSON.stringify(event, null, 2)}\n`;

/** The template for the source the world wires to `fn`, if any. */
export function sourceTemplate(world: WorldSpec, fn: string): EventTemplateName | null {
  for (const m of world.eventSourceMappings ?? [])
    if (m.function === fn) return 'queue' in m.source ? 'sqs' : 'dynamodb-stream';
  if ((world.buckets ?? []).some((b) => (b.notifications ?? []).some((n) => n.function === fn)))
    return 's3-put';
  if (
    (world.topics ?? []).some((t) =>
      t.subscriptions.some((s) => s.protocol === 'lambda' && s.endpoint === fn),
    )
  )
    return 'sns';
  for (const api of world.apis ?? [])
    if (api.routes.some((r) => r.function === fn)) return api.type === 'REST' ? 'apigw-rest' : 'apigw-http';
  if ((world.schedules ?? []).some((s) => s.function === fn)) return 'eventbridge-schedule';
  return null;
}

/** Events for `fn` from its world's wiring; empty when nothing in the world calls it. */
export function worldEvents(world: WorldSpec, fn: string): Record<string, string> {
  const template = sourceTemplate(world, fn);
  if (template === null) return {};
  return { [eventName(template)]: text(buildTemplateEvent(template, 2, createRng(1))) };
}

/** The exercise's check events aimed at `fn` (literal and template ones), then its world's template. */
export function exerciseEvents(
  exercise: { readonly spec: Exercise; readonly dir: string },
  world: WorldSpec,
  fn: string,
  firstFunction: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const check of exercise.spec.checks) {
    if (check.kind !== 'invoke' || Object.keys(out).length >= MAX_EVENTS) continue;
    if ((check.function ?? firstFunction) !== fn) continue;
    const specs = check.event ? [check.event] : (check.events ?? []);
    specs.forEach((spec, i) => {
      // Events kept in files beside the exercise are not part of the bundle the workspace sees.
      if ('file' in spec) return;
      const name = eventName(specs.length > 1 ? `${check.id}-${i + 1}` : check.id);
      out[name] = text(resolveEvent(spec, exercise.dir, () => undefined));
    });
  }
  return Object.keys(out).length > 0 ? out : worldEvents(world, fn);
}
