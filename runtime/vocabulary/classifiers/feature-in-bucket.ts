import * as t from "io-ts";
import type { EvaluationDetails } from "../../evaluate/details";
import { FeatureKeyC } from "../../model/feature-key";
import { node } from "../../decode/tagged-union";
import { ref, type NodeSchema } from "../../schema/types";
import { MAX_PREREQUISITE_DEPTH, nesting } from "../../compile/prerequisite-depth";
import type { ClassifierDescriptor } from "../types";

const tag = "feature.in_bucket";

const BucketNamesC = new t.Type<readonly string[], readonly string[], unknown>(
  "BucketNames",
  (u): u is readonly string[] => Array.isArray(u) && u.length > 0 && u.every((x) => typeof x === "string"),
  (u, c) => {
    if (Array.isArray(u) && u.length === 0) return t.failure(u, c, 'expected at least one bucket name (a feature always lands in some bucket, "default" included)');
    return t.readonlyArray(t.string).validate(u, c);
  },
  t.identity,
);

/**
 * A prerequisite: the feature `feature`, evaluated with the same context, lands in one of the
 * buckets `value` (`"default"` included). The key is an identifier, as the DSL requires, so that a
 * prerequisite names a feature the way everything else does.
 */
export interface InBucketNode {
  readonly __type: typeof tag;
  readonly feature: string;
  readonly value: readonly string[];
}

/**
 * `feature.in_bucket`: the named feature, evaluated with the same context, lands in one of the
 * listed buckets. The feature is resolved on each evaluation (a map lookup in a store), so a
 * replaced dependency is seen at once. A feature that cannot be found, that fails (any error in
 * its details), or a chain nested deeper than {@link MAX_PREREQUISITE_DEPTH} is a
 * `PREREQUISITE_ERROR`, and this bucket does not match.
 */
export const inBucket: ClassifierDescriptor<InBucketNode> = {
  tag,
  codec: node(tag, { __type: t.literal(tag), feature: FeatureKeyC, value: BucketNamesC }),
  parts: { kind: "leaf" },
  prerequisite: (n) => ({ feature: n.feature, buckets: n.value }),
  compile: (n, scope) => {
    const key = n.feature;
    const buckets = new Set(n.value);
    const resolve = scope.resolve;
    const notFound = scope.error("PREREQUISITE_ERROR", `prerequisite feature "${key}" was not found${resolve === undefined ? " (the feature was loaded without a resolver)" : ""}`);
    const tooDeep = scope.error(
      "PREREQUISITE_ERROR",
      `prerequisites nest deeper than ${MAX_PREREQUISITE_DEPTH} features at "${key}"; is there a dependency cycle?`,
    );
    const site = scope.errorSite();
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
      return site.error("PREREQUISITE_ERROR", `prerequisite feature "${key}" failed: ${cause.code === "PREREQUISITE_ERROR" ? cause.message : String(cause)}`);
    };
  },
};

/** The JSON Schema of `feature.in_bucket` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const inBucketSchema = (): NodeSchema => ({
    description: 'The feature `feature`, evaluated with the same context, lands in one of the listed buckets ("default" included).',
    properties: { feature: ref("featureKey"), value: { type: "array", items: { type: "string" }, minItems: 1 } },
    required: ["feature", "value"],
  });
