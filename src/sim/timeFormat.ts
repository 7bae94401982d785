/** UTC calendar formatting from epoch ms, written by hand because the kernel may not touch Date. */

const MS_PER_DAY = 86_400_000;

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/** Howard Hinnant's civil_from_days: [year, month 1-12, day 1-31]. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return [y, m, d];
}

/** Epoch ms of a UTC calendar time (month 1-12). */
export function utcMs(year: number, month: number, day: number, h = 0, min = 0, s = 0, ms = 0): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return days * MS_PER_DAY + ((h * 60 + min) * 60 + s) * 1000 + ms;
}

/** `2025-01-10T16:42:41.688Z` */
export function isoTimestamp(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const days = Math.floor(whole / MS_PER_DAY);
  const [y, m, d] = civilFromDays(days);
  let rest = whole - days * MS_PER_DAY;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const min = Math.floor(rest / 60_000);
  rest -= min * 60_000;
  const s = Math.floor(rest / 1000);
  const ms = rest - s * 1000;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(min, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`;
}

/** `2020/01/31`, the date prefix of a log stream name. */
export function streamDate(epochMs: number): string {
  const [y, m, d] = civilFromDays(Math.floor(epochMs / MS_PER_DAY));
  return `${pad(y, 4)}/${pad(m, 2)}/${pad(d, 2)}`;
}

/** Integer hundredths of a ms, the resolution of every duration the logs print. */
export function toCentis(ms: number): number {
  return Math.round(ms * 100);
}

/** `15.74` from 1574 hundredths, exact (no float toFixed surprises). */
export function formatCentis(centis: number): string {
  const whole = Math.floor(centis / 100);
  return `${whole}.${pad(centis - whole * 100, 2)}`;
}
