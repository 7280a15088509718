import type { EvaluationError } from "../../../evaluate/details";
import type { ErrorSite, Predicate } from "../../../compile/types";
import { compareSemVer } from "../../../semver/compare";
import { parseSemVer, type SemVer } from "../../../semver/parse";
import { readRelease, releaseScratch } from "../../../semver/release";
import { lastParsed } from "../../../compile/parse-cache";
import { missing } from "../../attributes/shapes/context";
import { A_VERSION, notAVersion } from "../../attributes/context-version";
import { contextReader } from "../../attributes/shapes/context-reader";

/*
 * The `semver.*` operators over a `context.version` attribute (R2's `appVersion >= 2.3.0`) as one
 * closure that reads the key, reads the version and compares, as eq and the memberships over a
 * string do (./context-string-tests.ts): through the getter each was two closures, each with its
 * context, and the getter's record for the release it reads. The answers and errors are the
 * getter's (runtime/vocabulary/attributes/context-version.ts) then the operator's. A traced
 * compile never comes here (Scope.directContextKey), so a trace still sees the read.
 */

/**
 * The record a plain release is read into, one for every such closure in the process: each reads
 * and compares in one synchronous step, so no other read comes between (the getter's own record
 * is returned to its operator, and so is one per getter).
 */
const RELEASE = releaseScratch();

/** A `semver.*` order (`holds` of -1, 0 or 1) between the version under context key `name` and `literal`. */
export function versionOrderOfContext(name: string, site: ErrorSite, literal: SemVer, holds: (order: -1 | 0 | 1) => boolean): Predicate {
  const read = contextReader(name);
  // As the getter's: the missing-key error built on the first miss, the full parser's memo on the first version that is not a plain release.
  let absent: EvaluationError | undefined;
  let parse: ((text: string) => SemVer | undefined) | undefined;
  return (ctx) => {
    const v = read(ctx, name);
    if (typeof v === "string") {
      const version = readRelease(v, RELEASE) ? RELEASE : (parse ??= lastParsed(parseSemVer))(v);
      if (version !== undefined) return holds(compareSemVer(version, literal));
    }
    return v === undefined ? (absent ??= missing(site, name, A_VERSION)) : notAVersion(site, name, v);
  };
}
