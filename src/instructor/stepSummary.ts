/**
 * What a demo step did, read from the slice of the trace it appended (the trace is the one source the
 * visualizers, logs and checks share): invocations cold and warm, environments created and shut down,
 * HTTP answers, SQS batches, and the log lines, in words short enough for a projector.
 */
import type { TraceEvent } from '../sim';

export interface StepStats {
  readonly invokes: number;
  readonly cold: number;
  readonly errors: number;
  readonly throttles: number;
  readonly envsCreated: number;
  readonly envsGone: number;
  readonly httpStatuses: readonly number[];
  readonly batches: number;
  readonly maxBatch: number;
  readonly sqsDeleted: number;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const seconds = (n: number) => `${(n / 1000).toFixed(n < 10_000 ? 2 : 1)} s`;

export function stepStats(events: readonly TraceEvent[]): StepStats {
  let invokes = 0;
  let cold = 0;
  let errors = 0;
  let throttles = 0;
  let envsCreated = 0;
  let envsGone = 0;
  let batches = 0;
  let maxBatch = 0;
  let sqsDeleted = 0;
  const httpStatuses: number[] = [];
  for (const e of events) {
    switch (e.name) {
      case 'lambda.invoke.end':
        invokes++;
        if (e.initDurationMs !== null) cold++;
        if (e.functionError !== null || e.status !== 'success') errors++;
        break;
      case 'lambda.invoke.throttled':
        throttles++;
        break;
      case 'lambda.env.created':
        envsCreated++;
        break;
      case 'lambda.env.state':
        if (e.to === 'gone') envsGone++;
        break;
      case 'apigw.response':
        httpStatuses.push(e.statusCode);
        break;
      case 'esm.sqs.batch.received':
        maxBatch = Math.max(maxBatch, e.messageIds.length);
        break;
      case 'esm.sqs.batch.result':
        batches++;
        break;
      case 'sqs.message.deleted':
        sqsDeleted++;
        break;
      default:
        break;
    }
  }
  return {
    invokes,
    cold,
    errors,
    throttles,
    envsCreated,
    envsGone,
    httpStatuses,
    batches,
    maxBatch,
    sqsDeleted,
  };
}

/** Result lines for the room: the few facts the step is about. */
export function summaryLines(
  events: readonly TraceEvent[],
  stats: StepStats,
  responses: readonly string[],
): string[] {
  const lines: string[] = [];
  const ends = events.filter((e) => e.name === 'lambda.invoke.end');
  if (ends.length === 1) {
    const e = ends[0];
    if (e) {
      const init =
        e.initDurationMs === null ? 'warm: no Init' : `cold: Init Duration ${ms(e.initDurationMs)}`;
      // Demos count their handlers' work: the figures are modeled, the same on any laptop.
      const how = e.model.work === 'counted' ? ' (modeled, counted work)' : ' (modeled)';
      lines.push(
        `1 invocation, ${init}, Duration ${ms(e.durationMs)}${how}${e.functionError ? ', failed' : ''}`,
      );
    }
  } else if (ends.length > 1) {
    const warm = stats.invokes - stats.cold;
    lines.push(
      `${count(stats.invokes, 'invocation')}: ${count(stats.cold, 'cold start')}, ${warm} warm` +
        (stats.errors > 0 ? `, ${count(stats.errors, 'error')}` : ''),
    );
  }
  if (stats.throttles > 0) lines.push(`${count(stats.throttles, 'request')} throttled (429)`);
  for (const e of events) {
    if (e.name !== 'apigw.response') continue;
    const asked = events.find((r) => r.name === 'apigw.request' && r.requestId === e.requestId);
    const after = asked ? ` after ${seconds(e.t - asked.t)}` : '';
    lines.push(`HTTP ${e.statusCode}${after}`);
  }
  if (stats.batches > 0)
    lines.push(
      `SQS: ${count(stats.sqsDeleted, 'message')} processed in ${count(stats.batches, 'batch', 'batches')} ` +
        `(largest ${stats.maxBatch})`,
    );
  for (const e of events)
    if (e.name === 'iam.policy.changed' && e.action === 'put')
      lines.push(`Inline policy put on role ${e.roleName}`);
  for (const e of events)
    if (e.name === 'lambda.concurrency.provisioned' && e.allocated > 0)
      lines.push(`Provisioned concurrency: ${e.allocated} on ${e.functionName}:${e.qualifier}`);
  if (stats.envsCreated > 0 || stats.envsGone > 0)
    lines.push(`Environments: ${stats.envsCreated} created, ${stats.envsGone} shut down`);
  for (const r of responses) lines.push(`Response: ${r.length > 240 ? `${r.slice(0, 240)}…` : r}`);
  const first = events[0];
  const last = events[events.length - 1];
  if (first && last && last.t - first.t >= 1000)
    lines.push(`Virtual time passed: ${seconds(last.t - first.t)}`);
  return lines;
}

/** The log lines the step's functions wrote, the newest `max` of them. */
export function stepLogs(events: readonly TraceEvent[], max = 60): string[] {
  const out: string[] = [];
  for (const e of events) if (e.name === 'logs.event') out.push(e.message.replace(/\n$/, ''));
  return out.length > max ? [`… ${out.length - max} earlier lines`, ...out.slice(-max)] : out;
}
