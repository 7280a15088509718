import { clip } from "../describe-value";

/**
 * RFC 3339 instants (`2026-12-01T00:00:00Z`, `2026-12-01T09:30:00.250+02:00`) as epoch
 * milliseconds, for `time.before` / `time.after` literals and context timestamps.
 *
 * Deliberately stricter than `Date.parse`:
 * - the offset is required (`Z` or `±hh:mm`): a local time would mean different instants on
 *   servers in different zones, so the same rule would switch on at different moments;
 * - impossible dates are refused (`2026-02-30`), where `Date.parse` may roll them over;
 * - leap seconds (`:60`) are refused, since epoch milliseconds cannot represent them;
 * - fractions beyond milliseconds are truncated, not rounded.
 *
 * The scanner reads character codes in one pass (no regex, no substrings), so parsing a context
 * timestamp on each evaluation allocates nothing.
 */

/** Why `text` is not an RFC 3339 instant, or undefined when it is. */
export function instantProblem(text: string): string | undefined {
  return parseInstant(text) === undefined
    ? `expected an RFC 3339 instant with a time zone, like "2026-12-01T00:00:00Z" or "2026-12-01T09:30:00+02:00", found ${JSON.stringify(clip(text))}`
    : undefined;
}

/** Epoch milliseconds of an RFC 3339 instant, or undefined when `text` is not one. */
export function parseInstant(text: string): number | undefined {
  const n = text.length;
  if (n < 20 || n > 40) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return undefined; // "-"
  const t = text.charCodeAt(10);
  if (t !== 0x54 && t !== 0x74) return undefined; // "T" or "t"
  if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined; // ":"
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;

  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 0x2e) {
    // "." then 1..9 digits; the first three are milliseconds.
    i++;
    const start = i;
    while (i < n && isDigit(text.charCodeAt(i))) {
      if (i - start < 3) millis = millis * 10 + (text.charCodeAt(i) - 0x30);
      i++;
    }
    const count = i - start;
    if (count === 0 || count > 9) return undefined;
    for (let k = count; k < 3; k++) millis *= 10;
  }

  let offsetMinutes: number;
  const z = text.charCodeAt(i);
  if (z === 0x5a || z === 0x7a) {
    // "Z" or "z"
    offsetMinutes = 0;
    i++;
  } else if (z === 0x2b || z === 0x2d) {
    // "+hh:mm" or "-hh:mm"
    const oh = digits(text, i + 1, 2);
    const om = digits(text, i + 4, 2);
    if (text.charCodeAt(i + 3) !== 0x3a || oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = (z === 0x2d ? -1 : 1) * (oh * 60 + om);
    i += 6;
  } else return undefined;
  if (i !== n) return undefined;

  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}

/** The decimal number in `text[at, at + count)`, or -1 unless all are digits. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
 * Arithmetic rather than `Date.UTC`, which maps years 0..99 to 1900..1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
