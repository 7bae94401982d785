/** Trace reads shared by invoke checks, world checks and predict measures; names are the kernel's own. */
import type { TraceEvent, TraceName } from '../../sim';
import type { TraceAssertion } from '../checks';
import { type AssertionFailure, describeRange, inRange } from './values';

type Where = TraceAssertion['where'];

export function traceEvents(events: readonly TraceEvent[], name: TraceName, where?: Where): TraceEvent[] {
  return events.filter((e) => {
    if (e.name !== name) return false;
    const fields = e as unknown as Record<string, unknown>;
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
