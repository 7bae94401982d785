/** Labels for virtual times, durations and money, the same in every view and its table. */

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const a = Math.abs(ms);
  if (a < 1000) return `${ms.toFixed(a < 10 ? 2 : 0)} ms`;
  if (a < 60_000) return `${(ms / 1000).toFixed(a < 10_000 ? 3 : 1)} s`;
  if (a < 3_600_000) {
    // Rounded to whole seconds first, so 179.6 s reads "3 min 0 s", never "2 min 60 s".
    const seconds = Math.round(a / 1000);
    return `${ms < 0 ? '-' : ''}${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  }
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** A virtual time as an offset from the start of the run ("+1.250 s"). */
/** `+500 ms` after the start, `−31 min 0 s` before it (an environment made before a zoomed-in step). */
export function formatOffset(ms: number, startMs: number): string {
  const delta = ms - startMs;
  return delta < 0 ? `−${formatDuration(-delta)}` : `+${formatDuration(delta)}`;
}

export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '–';
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toExponential(2)}`;
  return `$${usd.toFixed(2)}`;
}

/** A per-invocation price as a bill reads it: per million invocations ("$0.82 per 1M"). */
export function formatPerMillion(usd: number): string {
  if (!Number.isFinite(usd)) return '–';
  const m = usd * 1e6;
  return `$${m.toFixed(m < 10 ? 2 : 0)} per 1M`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
