/** The log lines of one request, as the console's Test result shows them (init lines included when cold). */
import type { LogEvent } from '../sim';

export function requestLogLines(events: readonly LogEvent[], requestId: string): string[] {
  const start = events.findIndex((e) => e.message.startsWith(`START RequestId: ${requestId}`));
  if (start < 0) return [];
  // Lines after the previous REPORT and before this START belong to this environment's init.
  let from = start;
  while (from > 0 && !(events[from - 1]?.message.startsWith('REPORT RequestId:') ?? true)) from--;
  let to = start;
  while (to < events.length && !(events[to]?.message.startsWith(`REPORT RequestId: ${requestId}`) ?? false))
    to++;
  return events.slice(from, Math.min(to + 1, events.length)).map((e) => e.message);
}

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
