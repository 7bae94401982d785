/** The text alternative's rows: every trace event up to a virtual time, in plain words. */
import type { TraceEventOf, TraceName } from '../sim';
import { formatDuration } from './common/format';
import { asKnown, payloadJson, type TraceLike } from './trace/looseEvents';
import { upperBound } from './trace/search';

export interface EventRow {
  readonly seq: number;
  readonly t: number;
  readonly name: string;
  readonly summary: string;
}

type Describers = { readonly [K in TraceName]?: (e: TraceEventOf<K>) => string };

const short = (id: string) => id.slice(0, 8);

const DESCRIBE: Describers = {
  'lambda.function.created': (e) => `Function ${e.functionName} created`,
  'lambda.function.updated': (e) =>
    `Function ${e.functionName}: ${e.change} updated (revision ${e.revision})`,
  'lambda.version.published': (e) => `Version ${e.version} of ${e.functionName} published`,
  'lambda.concurrency.reserved': (e) =>
    `Reserved concurrency of ${e.functionName}: ${e.reserved === null ? 'removed' : e.reserved}`,
  'lambda.concurrency.provisioned': (e) =>
    `Provisioned concurrency of ${e.functionName}:${e.qualifier}: ${e.allocated}`,
  'lambda.env.created': (e) => `Environment ${short(e.envId)} created for ${e.functionName} (${e.initType})`,
  'lambda.env.state': (e) => `Environment ${short(e.envId)}: ${e.from} → ${e.to} (${e.reason})`,
  'lambda.env.init.span': (e) =>
    `Init ${e.part} of ${short(e.envId)}: ${formatDuration(e.durationMs)} (${e.model.startsWith('measured') ? 'measured' : 'modeled'})`,
  'lambda.env.init.end': (e) =>
    `Init of ${short(e.envId)} ended: ${e.status}, ${formatDuration(e.durationMs)}${e.phase === 'invoke' ? ' (suppressed, during invoke)' : ''}`,
  'lambda.invoke.accepted': (e) => `Async event ${short(e.requestId)} for ${e.functionName} queued (202)`,
  'lambda.invoke.start': (e) =>
    `Invoke ${short(e.requestId)} started on ${short(e.envId)}: ${e.cold ? 'cold' : 'warm'}, attempt ${e.attempt}`,
  'lambda.invoke.end': (e) =>
    `Invoke ${short(e.requestId)} ended: ${e.status}${e.errorType ? ` (${e.errorType})` : ''}, ${formatDuration(e.durationMs)}, billed ${e.billedDurationMs} ms`,
  'lambda.invoke.throttled': (e) =>
    `Invoke ${short(e.requestId)} of ${e.functionName} throttled (429 ${e.reason})`,
  'lambda.async.retry.scheduled': (e) =>
    `Retry ${e.attempt} of ${short(e.requestId)} after ${e.cause === 'throttle' ? 'a throttle' : 'a function error'}`,
  'lambda.async.completed': (e) =>
    `Async event ${short(e.requestId)} done: ${e.outcome} after ${e.approximateInvokeCount} attempt(s)`,
  'lambda.destination.delivered': (e) =>
    `Record of ${short(e.requestId)} sent to ${e.target}: ${e.destinationArn}`,
  'logs.event': (e) => `Log: ${e.message.trimEnd()}`,
  'billing.charge': (e) =>
    `Charged ${e.billedDurationMs} ms at ${e.memoryMb} MB (${e.gbSeconds.toFixed(6)} GB-s)`,
};

export function describeEvent(loose: TraceLike): string {
  const e = asKnown(loose);
  const words = DESCRIBE[e.name] as ((x: typeof e) => string) | undefined;
  if (words) return words(e);
  // Unknown or undescribed events (service traces) read as their payload.
  const json = payloadJson(loose).replace(/\s+/g, ' ');
  return json.length > 160 ? `${json.slice(0, 157)}…` : json;
}

/** Events that pass the filter, with their times: built once, then rows at any t are a binary search. */
export interface EventIndex {
  readonly events: readonly TraceLike[];
  readonly picked: Int32Array;
  readonly times: Float64Array;
}

/** Per-line logs and billing are left out by default: the table tells what happened, not every line. */
export const DEFAULT_HIDDEN_PREFIXES: readonly string[] = ['logs.', 'billing.'];

export function createEventIndex(
  events: readonly TraceLike[],
  hidePrefixes: readonly string[] = DEFAULT_HIDDEN_PREFIXES,
): EventIndex {
  const picked: number[] = [];
  events.forEach((e, i) => {
    if (!hidePrefixes.some((p) => e.name.startsWith(p))) picked.push(i);
  });
  return { events, picked: Int32Array.from(picked), times: Float64Array.from(picked, (i) => events[i]!.t) };
}

export interface EventRowsResult {
  readonly rows: readonly EventRow[];
  /** Events up to the playhead that passed the filter, including those beyond maxRows. */
  readonly total: number;
}

/** The last `maxRows` events at or before `untilMs` (all of them when untilMs is undefined). */
export function eventRowsAt(index: EventIndex, untilMs: number | undefined, maxRows = 200): EventRowsResult {
  const total = untilMs === undefined ? index.picked.length : upperBound(index.times, untilMs);
  const rows: EventRow[] = [];
  for (let k = Math.max(0, total - maxRows); k < total; k++) {
    const e = index.events[index.picked[k]!]!;
    rows.push({ seq: e.seq, t: e.t, name: e.name, summary: describeEvent(e) });
  }
  return { rows, total };
}
