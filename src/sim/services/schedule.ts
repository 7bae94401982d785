/** EventBridge schedule expressions: rate(n unit) and six-field cron(min hour dom month dow year), in UTC. */
import { civilFromDays } from './kernel';
import { serviceError } from './serviceError';

export type Schedule =
  | { readonly kind: 'rate'; readonly everyMs: number }
  | { readonly kind: 'cron'; readonly fields: readonly CronField[] };
type CronField = ReadonlySet<number> | null;

const UNITS: Readonly<Record<string, number>> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const RANGES: readonly [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [1, 7],
  [1970, 2199],
];

function invalid(): never {
  throw serviceError('ValidationException', 'Parameter ScheduleExpression is not valid.', 400);
}

function parseField(text: string, i: number): CronField {
  if (text === '*' || text === '?') return null;
  const [lo, hi] = RANGES[i]!;
  const out = new Set<number>();
  const value = (s: string): number => {
    const names = i === 4 ? DAYS : i === 3 ? MONTHS : null;
    const named = names?.indexOf(s.toUpperCase()) ?? -1;
    const n = named >= 0 ? named + (i === 4 || i === 3 ? 1 : 0) : Number(s);
    if (!Number.isInteger(n) || n < lo || n > hi) invalid();
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || range === undefined) invalid();
    const [a, b] =
      range === '*'
        ? [lo, hi]
        : range.includes('-')
          ? range.split('-').map(value)
          : [value(range), stepText ? hi : value(range)];
    for (let n = a!; n <= b!; n += step) out.add(n);
  }
  return out;
}

export function parseSchedule(expr: string): Schedule {
  const rate = /^rate\((\d+) (minutes?|hours?|days?)\)$/.exec(expr);
  if (rate) {
    const n = Number(rate[1]);
    if (n < 1 || (n === 1) !== !rate[2]!.endsWith('s')) invalid();
    return { kind: 'rate', everyMs: n * UNITS[rate[2]!]! };
  }
  const cron = /^cron\((.+)\)$/.exec(expr);
  const parts = cron?.[1]?.trim().split(/\s+/);
  if (parts?.length !== 6) invalid();
  // One of day-of-month and day-of-week must be '?', as EventBridge requires.
  if ((parts[2] === '?') === (parts[4] === '?')) invalid();
  return { kind: 'cron', fields: parts.map(parseField) };
}

function civil(ms: number): { y: number; mo: number; d: number; h: number; mi: number; dow: number } {
  const days = Math.floor(ms / 86_400_000);
  const [y, mo, d] = civilFromDays(days);
  const rest = ms - days * 86_400_000;
  return {
    y,
    mo,
    d,
    h: Math.floor(rest / 3_600_000),
    mi: Math.floor((rest % 3_600_000) / 60_000),
    dow: ((days + 4) % 7) + 1,
  };
}

/** The first fire time strictly after `afterMs` (rate schedules count from `originMs`). */
export function nextFire(s: Schedule, originMs: number, afterMs: number): number | null {
  if (s.kind === 'rate') return originMs + (Math.floor((afterMs - originMs) / s.everyMs) + 1) * s.everyMs;
  const [min, hour, dom, month, dow, year] = s.fields;
  const has = (f: CronField | undefined, v: number): boolean => !f || f.has(v);
  let t = Math.floor(afterMs / 60_000) * 60_000 + 60_000;
  const limit = afterMs + 5 * 366 * 86_400_000;
  while (t < limit) {
    const c = civil(t);
    if (!has(year, c.y) || !has(month, c.mo) || !has(dom, c.d) || !has(dow, c.dow)) {
      t = (Math.floor(t / 86_400_000) + 1) * 86_400_000;
      continue;
    }
    if (!has(hour, c.h)) {
      t = (Math.floor(t / 3_600_000) + 1) * 3_600_000;
      continue;
    }
    if (has(min, c.mi)) return t;
    t += 60_000;
  }
  return null;
}
