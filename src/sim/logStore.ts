/** CloudWatch Logs as the lab sees it: groups of streams of timestamped events, mirrored into the trace. */
import type { Trace } from './trace';

export interface LogEvent {
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly message: string;
}

export interface LogStore {
  createStream(group: string, stream: string, t: number): void;
  put(group: string, stream: string, timestamp: number, message: string, t: number): void;
  groups(): string[];
  streams(group: string): string[];
  /** Events of one stream in arrival order, or of every stream of the group sorted by timestamp. */
  events(group: string, stream?: string): readonly LogEvent[];
}

export function createLogStore(trace: Trace): LogStore {
  const store = new Map<string, Map<string, LogEvent[]>>();
  const streamOf = (group: string, stream: string): LogEvent[] => {
    let g = store.get(group);
    if (!g) {
      g = new Map();
      store.set(group, g);
    }
    let s = g.get(stream);
    if (!s) {
      s = [];
      g.set(stream, s);
    }
    return s;
  };
  return {
    createStream(group, stream, t) {
      streamOf(group, stream);
      trace.emit('logs.stream.created', t, { logGroupName: group, logStreamName: stream });
    },
    put(group, stream, timestamp, message, t) {
      // The stream keeps the trace event itself: one object per log line, not two.
      const event = trace.emit('logs.event', t, {
        logGroupName: group,
        logStreamName: stream,
        timestamp,
        message,
      });
      streamOf(group, stream).push(event);
    },
    groups: () => [...store.keys()],
    streams: (group) => [...(store.get(group)?.keys() ?? [])],
    events(group, stream) {
      const g = store.get(group);
      if (!g) return [];
      if (stream !== undefined) return g.get(stream) ?? [];
      // Stable sort keeps arrival order for equal timestamps.
      return [...g.values()].flat().sort((a, b) => a.timestamp - b.timestamp);
    },
  };
}
