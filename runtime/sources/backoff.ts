/**
 * The delay before retry number `failures` (1 for the first): exponential from `baseMs`, capped at
 * `maxMs`, with "equal jitter" (half fixed, half random) so a fleet that failed together does not
 * retry together, while no retry comes sooner than half its step.
 *
 * @param random a number in [0, 1) (Math.random by default; tests pass their own).
 */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: number = Math.random()): number {
  // 2^30 already exceeds any sensible cap; the bound keeps the power finite.
  const step = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.round(step / 2 + random * (step / 2));
}

/** `max-age` of a `Cache-Control` header in milliseconds, if it has one (`s-maxage` is a shared cache's). */
export function maxAgeMs(cacheControl: string | undefined): number | undefined {
  if (cacheControl === undefined) return undefined;
  const match = /(?:^|[,\s])max-age\s*=\s*"?(\d{1,10})"?/i.exec(cacheControl);
  return match === null ? undefined : Number(match[1]) * 1000;
}

/** A `Retry-After` header in milliseconds: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  if (/^\d{1,10}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
