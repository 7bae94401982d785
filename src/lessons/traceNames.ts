/**
 * Trace names content may assert on. The Lambda names are checked against the kernel's `TraceName` at
 * compile time; the service names are the ones the simulated services are planned to emit (DESIGN.md's
 * `sqs.batch.received` style) and are checked when those services land.
 */
import { z } from 'zod';
import type { TraceName } from '../sim';

export const LAMBDA_TRACE_NAMES = [
  'lambda.function.created',
  'lambda.function.updated',
  'lambda.version.published',
  'lambda.layer.published',
  'lambda.concurrency.reserved',
  'lambda.concurrency.provisioned',
  'lambda.env.created',
  'lambda.env.state',
  'lambda.env.init.span',
  'lambda.env.init.end',
  'lambda.invoke.accepted',
  'lambda.invoke.start',
  'lambda.invoke.end',
  'lambda.invoke.throttled',
  'lambda.async.retry.scheduled',
  'lambda.async.completed',
  'lambda.destination.delivered',
  'logs.event',
  'billing.charge',
] as const satisfies readonly TraceName[];

/** Not yet in the kernel: the service simulations add them through `TracePayloads` augmentation. */
export const PLANNED_SERVICE_TRACE_NAMES = [
  'apigw.request',
  'apigw.response',
  's3.object.created',
  's3.notification.sent',
  'sqs.message.sent',
  'sqs.batch.received',
  'sqs.message.deleted',
  'sqs.message.visible',
  'sqs.message.dead-lettered',
  'sns.message.published',
  'sns.delivery',
  'dynamodb.item.written',
  'dynamodb.stream.record',
  'dynamodb.stream.batch',
  'iam.access.denied',
] as const;

export const CheckTraceName = z.enum([...LAMBDA_TRACE_NAMES, ...PLANNED_SERVICE_TRACE_NAMES]);
export type CheckTraceName = z.infer<typeof CheckTraceName>;
