import type { EvaluationError } from "../../../evaluate/details";
import type { Scalar } from "../../../model/fields";
import type { ErrorSite, Predicate } from "../../../compile/types";
import { missing } from "../../attributes/shapes/context";
import { A_STRING, notAString } from "../../attributes/context-string";
import { contextReader } from "../../attributes/shapes/context-reader";

/*
 * `comparison.eq`, `comparison.in` and `comparison.notin` over a `context.string` attribute, the
 * commonest rules there are (R2 is two of them), each as one closure that reads the key and tests
 * the string itself. Through the getter each was two closures, each with its context: at load,
 * about 230 of the 2,500 bytes an R2-shaped feature kept alive, and twice the closures to build.
 * The answers and errors are the getter's (runtime/vocabulary/attributes/context-string.ts) then
 * the operator's: a string is tested, a missing key or a value of another type is the getter's
 * error at the attribute's path, built on the first miss and kept. A traced compile never comes
 * here (Scope.directContextKey), so a trace still sees the read.
 */

/** `eq` over the string under context key `name`. */
export function eqContextString(name: string, site: ErrorSite, expected: Scalar): Predicate {
  const read = contextReader(name);
  let absent: EvaluationError | undefined;
  return (ctx) => {
    const v = read(ctx, name);
    if (typeof v === "string") return v === expected;
    return notAString(site, name, v) ?? (absent ??= missing(site, name, A_STRING));
  };
}

/** `in` (or `notin`, `negated`) over the string under context key `name`: fixed tests for up to three members, a Set beyond. */
export function inContextString(name: string, site: ErrorSite, list: readonly Scalar[], negated: boolean): Predicate {
  const read = contextReader(name);
  let absent: EvaluationError | undefined;
  if (list.length > 3) {
    const members = new Set<unknown>(list);
    return (ctx) => {
      const v = read(ctx, name);
      if (typeof v === "string") return members.has(v) !== negated;
      return notAString(site, name, v) ?? (absent ??= missing(site, name, A_STRING));
    };
  }
  // As in ./membership.ts: missing members are undefined, which no string is.
  const m0 = list[0];
  const m1 = list[1];
  const m2 = list[2];
  if (negated) {
    return (ctx) => {
      const v = read(ctx, name);
      if (typeof v === "string") return v !== m0 && v !== m1 && v !== m2;
      return notAString(site, name, v) ?? (absent ??= missing(site, name, A_STRING));
    };
  }
  return (ctx) => {
    const v = read(ctx, name);
    if (typeof v === "string") return v === m0 || v === m1 || v === m2;
    return notAString(site, name, v) ?? (absent ??= missing(site, name, A_STRING));
  };
}
