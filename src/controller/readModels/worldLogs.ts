/**
 * CloudWatch Logs as the console shows it: log groups (`/aws/lambda/<function>`), one stream per execution
 * environment (`2026/11/27/[$LATEST]<hex>`), and Filter events by request id and by text.
 */
import type { EnvState, LogEvent } from '../../sim';
import { requestLogSpan } from './requestLogs';
import type { WorldSource } from './worldResources';

export interface LogStreamView {
  readonly name: string;
  /** The environment that wrote the stream, when the trace knows it (every Lambda stream). */
  readonly envId: string | null;
  /** The environment's state now; 'gone' once it shut down. */
  readonly envState: EnvState | null;
  readonly eventCount: number;
  readonly firstEventAt: number | null;
  readonly lastEventAt: number | null;
}

export interface LogGroupView {
  readonly name: string;
  /** Most recent activity first, as the CloudWatch console orders streams. */
  readonly streams: readonly LogStreamView[];
  readonly eventCount: number;
}

export function logGroups(src: WorldSource): LogGroupView[] {
  const envOfStream = new Map<string, string>();
  for (const e of src.world.trace.events)
    if (e.name === 'lambda.env.created') envOfStream.set(e.logStreamName, e.envId);
  const states = new Map(src.world.envs().map((e) => [e.envId, e.state]));
  const { logs } = src.world;
  return logs
    .groups()
    .sort()
    .map((group) => {
      const streams = logs.streams(group).map((name): LogStreamView => {
        const events = logs.events(group, name);
        const envId = envOfStream.get(name) ?? null;
        return {
          name,
          envId,
          envState: envId === null ? null : (states.get(envId) ?? 'gone'),
          eventCount: events.length,
          firstEventAt: events[0]?.timestamp ?? null,
          lastEventAt: events[events.length - 1]?.timestamp ?? null,
        };
      });
      streams.sort((a, b) => (b.lastEventAt ?? 0) - (a.lastEventAt ?? 0) || (a.name < b.name ? -1 : 1));
      return { name: group, streams, eventCount: streams.reduce((n, s) => n + s.eventCount, 0) };
    });
}

export interface LogQuery {
  readonly group: string;
  /** One stream, or every stream of the group ("Search all log streams") when null. */
  readonly stream: string | null;
  /** Keeps the lines of this request: START to REPORT, plus the Init lines before a cold START. */
  readonly requestId?: string;
  /** Keeps lines containing this text; case-sensitive, as a CloudWatch filter term is. */
  readonly text?: string;
  /** At most this many lines, the most recent (default 1,000). */
  readonly limit?: number;
}

export interface LogLineView extends LogEvent {
  /** Position of the line in the result, stable for React keys. */
  readonly index: number;
}

export interface LogQueryResult {
  readonly lines: readonly LogLineView[];
  /** Lines that matched, before the limit. */
  readonly matched: number;
}

export const LOG_LINE_LIMIT = 1000;

function linesOfRequest(events: readonly LogEvent[], requestId: string): LogEvent[] {
  const out: LogEvent[] = [];
  // An async request that failed runs again with the same id: collect every attempt.
  for (let span = requestLogSpan(events, requestId); span; span = requestLogSpan(events, requestId, span[1]))
    out.push(...events.slice(span[0], span[1]));
  return out;
}

export function filterLogEvents(src: WorldSource, q: LogQuery): LogQueryResult {
  const { logs } = src.world;
  const streams = q.stream === null ? logs.streams(q.group) : [q.stream];
  const requestId = q.requestId?.trim() ?? '';
  let picked: LogEvent[] = [];
  if (requestId === '') picked = [...logs.events(q.group, q.stream ?? undefined)];
  else {
    for (const s of streams) picked.push(...linesOfRequest(logs.events(q.group, s), requestId));
    if (streams.length > 1) picked.sort((a, b) => a.timestamp - b.timestamp);
  }
  const text = q.text ?? '';
  if (text !== '') picked = picked.filter((e) => e.message.includes(text));
  const limit = q.limit ?? LOG_LINE_LIMIT;
  const shown = picked.length > limit ? picked.slice(picked.length - limit) : picked;
  return {
    matched: picked.length,
    lines: shown.map((e, index) => ({
      logStreamName: e.logStreamName,
      timestamp: e.timestamp,
      message: e.message,
      index,
    })),
  };
}
