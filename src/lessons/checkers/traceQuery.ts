/**
 * Trace reads shared by invoke checks, world checks and predict measures. Content may use a few names
 * the services emit under another name (checks were written before the services landed); they map here.
 */
import type { TraceEvent } from '../../sim';
import type { TraceAssertion } from '../checks';
import { type AssertionFailure, describeRange, inRange } from './values';

type Where = TraceAssertion['where'];

const ALIASES: Record<string, { name: string; where?: (e: Record<string, unknown>) => boolean }> = {
  'iam.access.denied': {
    name: 'aws.call',
    where: (e) => typeof e.errorCode === 'string' && e.errorCode.startsWith('AccessDenied'),
  },
  'sqs.batch.received': { name: 'esm.sqs.batch.received' },
  'sqs.message.dead-lettered': { name: 'sqs.message.redriven' },
  'dynamodb.item.written': { name: 'dynamodb.item.changed' },
  'dynamodb.stream.batch': { name: 'esm.stream.batch.received' },
};

export function traceEvents(events: readonly TraceEvent[], name: string, where?: Where): TraceEvent[] {
  const alias = ALIASES[name];
  const actual = alias?.name ?? name;
  return events.filter((e) => {
    if (e.name !== actual) return false;
    const fields = e as unknown as Record<string, unknown>;
    if (alias?.where && !alias.where(fields)) return false;
    return Object.entries(where ?? {}).every(([k, v]) => fields[k] === v);
  });
}

export function checkTrace(events: readonly TraceEvent[], a: TraceAssertion): AssertionFailure | null {
  const n = traceEvents(events, a.name, a.where).length;
  if (inRange(n, a.count)) return null;
  const filter = a.where ? ` with ${JSON.stringify(a.where)}` : '';
  return {
    code: `trace:${a.name}:${n}`,
    message: `Expected ${describeRange(a.count)} \`${a.name}\` event(s)${filter} in the trace, but there were ${n}.`,
  };
}

/** Log lines a function wrote (Init and every invoke), in the order the world logged them. */
export function functionLogs(events: readonly TraceEvent[], functionName: string): string[] {
  const group = `/aws/lambda/${functionName}`;
  const out: string[] = [];
  for (const e of events) if (e.name === 'logs.event' && e.logGroupName === group) out.push(e.message);
  return out;
}
