import { contextNameProblem } from "../runtime/model/attribute";
import type { SemVer } from "../runtime/semver";
import { Attr, type Instant } from "./attribute";
import { DefinitionError, callSite } from "./call-site";

function checkedName(name: string): string {
  const problem = contextNameProblem(name);
  if (problem !== undefined) throw new DefinitionError(problem, { source: callSite() });
  return name;
}

/**
 * Request context attributes. A feature that reads `ctx.string("country")` has a generated getter
 * that requires `{ country: string }`. A missing key or a value of another type makes the bucket a
 * non-match with an error in the details; values are never coerced.
 */
export const ctx = {
  /** A string from the evaluation context. */
  string<const N extends string>(name: N): Attr<string, { readonly [K in N]: string }> {
    return new Attr({ __type: "context.string", name: checkedName(name) });
  },
  /** A finite number from the evaluation context. */
  number<const N extends string>(name: N): Attr<number, { readonly [K in N]: number }> {
    return new Attr({ __type: "context.number", name: checkedName(name) });
  },
  /** A boolean from the evaluation context. */
  boolean<const N extends string>(name: N): Attr<boolean, { readonly [K in N]: boolean }> {
    return new Attr({ __type: "context.boolean", name: checkedName(name) });
  },
  /**
   * A SemVer 2.0 version from the evaluation context, passed as a string ("2.1.0"). Compare it
   * with `lt`/`le`/`gt`/`ge`/`eq` and a version literal: `ctx.version("appVersion").ge("2.1.0")`.
   * A string that is not a full version ("2.1") is an error, not a guess.
   */
  version<const N extends string>(name: N): Attr<SemVer, { readonly [K in N]: string }> {
    return new Attr({ __type: "context.version", name: checkedName(name) });
  },
  /**
   * An instant from the evaluation context: epoch milliseconds or an RFC 3339 string with a time
   * zone. Compare it with `before` / `after`: `ctx.timestamp("signedUpAt").after("2026-01-01T00:00:00Z")`.
   */
  timestamp<const N extends string>(name: N): Attr<Instant, { readonly [K in N]: string | number }> {
    return new Attr({ __type: "context.timestamp", name: checkedName(name) });
  },
} as const;
