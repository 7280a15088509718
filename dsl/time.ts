import { Attr } from "./attribute";

declare const instant: unique symbol;
/**
 * Milliseconds since the epoch, as time attributes yield them. Branded so that time rules take
 * only time attributes (`before(sessionRandom(), …)` does not compile), while numeric
 * comparisons still accept them.
 */
export type Instant = number & { readonly [instant]: true };

/**
 * The current time in milliseconds since the epoch (`time.now`), read on each evaluation; the
 * context's `now` replaces the clock (for tests).
 */
export function now(): Attr<Instant> {
  return new Attr({ __type: "time.now" });
}
