import type { OfflineFeature } from "../runtime/offline-feature";
import { DefinitionError, callSite } from "./call-site";
import { Rule } from "./rule";

/**
 * A prerequisite (`feature.in_bucket`): true when `feature`, evaluated with the same context,
 * lands in one of `buckets` (`"default"` included). Bucket names are checked against the feature's
 * own, and the rule requires the feature's context keys, so the dependent getter asks for them too.
 *
 * `inBucket(newCheckout, "treatment")`: only users already in the new checkout's treatment.
 *
 * The JSON names the feature by key; the feature built from this rule resolves the key to this
 * very object. A missing feature or an error inside it makes the bucket not match with a
 * `PREREQUISITE_ERROR`; cycles are impossible here and rejected at load elsewhere.
 */
export function inBucket<B extends string, C, const N extends B | "default">(feature: OfflineFeature<unknown, B, C>, ...buckets: [N, ...N[]]): Rule<C> {
  const key = feature.key;
  if (key === undefined) {
    throw new DefinitionError("inBucket needs a feature with a key (built with feature(key), or loaded with { key })", { source: callSite() });
  }
  if (buckets.length === 0) throw new DefinitionError(`inBucket(${key}) needs at least one bucket name`, { source: callSite() });
  const known = new Set<string>(["default", ...feature.model.buckets.map((b) => b.name)]);
  const unknown = buckets.filter((b) => !known.has(b));
  if (unknown.length > 0) {
    throw new DefinitionError(`feature ${JSON.stringify(key)} has no bucket ${unknown.map((b) => JSON.stringify(b)).join(", ")}; it has ${[...known].map((b) => JSON.stringify(b)).join(", ")}`, {
      source: callSite(),
    });
  }
  return new Rule({ __type: "feature.in_bucket", feature: key, value: [...buckets] }, [feature]);
}
