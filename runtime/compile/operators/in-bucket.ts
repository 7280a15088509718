import type { EvaluationDetails } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import { MAX_PREREQUISITE_DEPTH, nesting } from "../prerequisite-depth";
import type { OperatorCompiler } from "../types";

/**
 * `feature.in_bucket`: the named feature, evaluated with the same context, lands in one of the
 * listed buckets. The feature is resolved on each evaluation (a map lookup in a store), so a
 * replaced dependency is seen at once. A feature that cannot be found, that fails (any error in
 * its details), or a chain nested deeper than {@link MAX_PREREQUISITE_DEPTH} is a
 * `PREREQUISITE_ERROR`, and this bucket does not match.
 */
export const inBucket: OperatorCompiler<ClassifierOf<"feature.in_bucket">> = (node, scope) => {
  const key = node.feature;
  const buckets = new Set(node.value);
  const resolve = scope.resolve;
  const notFound = scope.error("PREREQUISITE_ERROR", `prerequisite feature "${key}" was not found${resolve === undefined ? " (the feature was loaded without a resolver)" : ""}`);
  const tooDeep = scope.error(
    "PREREQUISITE_ERROR",
    `prerequisites nest deeper than ${MAX_PREREQUISITE_DEPTH} features at "${key}"; is there a dependency cycle?`,
  );
  return (ctx) => {
    const dependency = resolve?.(key);
    if (dependency === undefined) return notFound;
    if (nesting.depth >= MAX_PREREQUISITE_DEPTH) return tooDeep;
    let details: EvaluationDetails<unknown>;
    nesting.depth++;
    try {
      details = dependency.evaluate(ctx);
    } finally {
      nesting.depth--;
    }
    if (details.errors.length === 0) return buckets.has(details.bucket);
    const cause = details.errors[0]!;
    // A nested prerequisite failure already names its own chain; prefix this link only.
    return scope.error("PREREQUISITE_ERROR", `prerequisite feature "${key}" failed: ${cause.code === "PREREQUISITE_ERROR" ? cause.message : String(cause)}`);
  };
};
