import { Attr, type Instant, type InstantLiteral } from "./attribute";
import type { Rule } from "./rule";

export type { Instant, InstantLiteral } from "./attribute";

/**
 * The current time in milliseconds since the epoch (`time.now`), read on each evaluation; the
 * context's `now` replaces the clock (for tests).
 */
export function now(): Attr<Instant> {
  return new Attr({ __type: "time.now" });
}

/**
 * Strictly before an instant (`time.before`): by default now, or a time attribute such as
 * `ctx.timestamp("signedUpAt")`. `before("2026-12-01T00:00:00Z")`.
 */
export function before(instant: InstantLiteral): Rule;
export function before<C>(attribute: Attr<Instant, C>, instant: InstantLiteral): Rule<C>;
export function before<C>(first: Attr<Instant, C> | InstantLiteral, instant?: InstantLiteral): Rule<C> {
  return typeof first === "string" ? (now().before(first) as Rule<C>) : first.before(instant!);
}

/**
 * At or after an instant (`time.after`, inclusive, so `before(t)` and `after(t)` split time with no
 * gap): by default now, or a time attribute. `after("2026-12-01T09:00:00+01:00")`.
 */
export function after(instant: InstantLiteral): Rule;
export function after<C>(attribute: Attr<Instant, C>, instant: InstantLiteral): Rule<C>;
export function after<C>(first: Attr<Instant, C> | InstantLiteral, instant?: InstantLiteral): Rule<C> {
  return typeof first === "string" ? (now().after(first) as Rule<C>) : first.after(instant!);
}
