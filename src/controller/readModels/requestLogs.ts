/** The log lines of one request, as the console's Test result shows them (init lines included when cold). */
import type { LogEvent } from '../../sim';

export function requestLogLines(events: readonly LogEvent[], requestId: string): string[] {
  const span = requestLogSpan(events, requestId);
  return span ? events.slice(span[0], span[1]).map((e) => e.message) : [];
}

/**
 * Index range [from, to) of one request's lines, searching from `fromIndex` (a retried async request
 * runs again with the same id, so the Logs view steps past the previous range to find the next).
 */
export function requestLogSpan(
  events: readonly LogEvent[],
  requestId: string,
  fromIndex = 0,
): readonly [number, number] | null {
  let start = -1;
  for (let i = fromIndex; i < events.length && start < 0; i++)
    if (events[i]?.message.startsWith(`START RequestId: ${requestId}`)) start = i;
  if (start < 0) return null;
  // Lines after the previous request's last line and before this START belong to this environment's init.
  let from = start;
  while (from > fromIndex && !endsRequest(events[from - 1]?.message ?? 'REPORT RequestId:')) from--;
  let to = start;
  while (to < events.length && !(events[to]?.message.startsWith(`REPORT RequestId: ${requestId}`) ?? false))
    to++;
  // A timed-out request's "Task timed out" line comes after its REPORT (facts §1.2).
  while (to + 1 < events.length && TIMED_OUT.exec(events[to + 1]?.message ?? '')?.[1] === requestId) to++;
  return [from, Math.min(to + 1, events.length)];
}

const TIMED_OUT = /^\S+ ([0-9a-f-]+) Task timed out after /;

const endsRequest = (message: string): boolean =>
  message.startsWith('REPORT RequestId:') || TIMED_OUT.test(message);

/** The console keeps only the last 4 KB of the execution log in its Test result. */
export function lastFourKb(lines: readonly string[]): { text: string; truncated: boolean } {
  const text = lines.join('\n');
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= 4096) return { text, truncated: false };
  return {
    text: new TextDecoder().decode(bytes.slice(bytes.length - 4096)).replace(/^\uFFFD+/, ''),
    truncated: true,
  };
}
