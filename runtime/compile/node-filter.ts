import type { EvaluationContext } from "../evaluate/context";
import { EvaluationError } from "../evaluate/details";
import { DEFAULT_BUCKET } from "../model/feature";
import { parseRange, satisfies } from "../semver/range";
import { parseSemVer } from "../semver/parse";
import { processNodeVersion } from "./ambient";
import { describeFound } from "./describe-found";
import { lastParsed } from "./parse-cache";

/** Whether a feature applies: true, false (disabled), or an error in the context's override. */
export type NodeFilter = (ctx: EvaluationContext | undefined) => boolean | EvaluationError;

/**
 * The `node_versions` filter. The running Node is checked against the range once, at load; only a
 * context that overrides `nodeVersion` (tests, or a server answering for other runtimes) is
 * checked on each evaluation. An invalid override is an error, reported at `node_versions`.
 */
export function nodeFilter(range: string): NodeFilter {
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
