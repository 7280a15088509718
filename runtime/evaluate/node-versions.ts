import type { EvaluationContext } from "./context";
import { EvaluationError } from "./details";
import { DEFAULT_BUCKET } from "../model/feature";
import { parseRange, satisfies } from "../semver/range";
import { parseSemVer } from "../semver/parse";
import { processNodeVersion } from "../compile/ambient";
import { describeFound } from "../describe-value";
import { lastParsed } from "../compile/parse-cache";

/**
 * Whether a feature applies to the running Node.js version (its `node_versions` field): true,
 * false (disabled), or an error in the context's `nodeVersion` override.
 */
export type NodeVersionFilter = (ctx: EvaluationContext | undefined) => boolean | EvaluationError;

/**
 * The `node_versions` filter. The running Node.js is checked against the range once, at load; only a
 * context that overrides `nodeVersion` (tests, or a server answering for other runtimes) is
 * checked on each evaluation. An invalid override is an error, reported at `node_versions`.
 */
export function nodeVersionFilter(range: string): NodeVersionFilter {
  const parsed = parseRange(range);
  if (parsed === undefined) {
    const invalid = new EvaluationError("TYPE_MISMATCH", DEFAULT_BUCKET, "node_versions", `invalid version range ${JSON.stringify(range)}`);
    return () => invalid;
  }
  const here = satisfies(processNodeVersion(), parsed);
  const parse = lastParsed(parseSemVer);
  return (ctx) => {
    const given = ctx?.nodeVersion;
    if (given === undefined) return here;
    const version = typeof given === "string" ? parse(given) : undefined;
    if (version === undefined) {
      return new EvaluationError("TYPE_MISMATCH", DEFAULT_BUCKET, "node_versions", `context "nodeVersion" must be a SemVer version like "22.1.0", found ${describeFound(given)}`);
    }
    return satisfies(version, parsed);
  };
}
