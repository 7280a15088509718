import type { AmbientOverrides } from "../runtime/evaluate/context";
import type { OfflineFeature, SourceLocation } from "../runtime/offline-feature";
import { callSite, DefinitionError } from "./call-site";

/**
 * One expectation of a spec: a context, and the bucket and/or value it must get. `given` is typed
 * by the feature's context (the keys its rules read, plus the ambient overrides that pin the host,
 * the session random and the clock), `bucket` by its bucket names, `value` by its value type, so a
 * spec that no longer fits its feature fails to compile.
 */
export interface SpecCase<V, B extends string, C> {
  /** Shown when the case fails; defaults to its position and context. */
  readonly name?: string;
  readonly given: C & AmbientOverrides;
  /**
   * Pins the random attributes by percentile (`5` is the number 0.05): the session random and
   * every `random.unit` rollout, as an alternative to `given.sessionRandom` / `given.unitRandom`
   * (which win when given); a case about "the first 10% of traffic" reads as such.
   */
  readonly percentile?: number;
  readonly bucket?: B | "default";
  readonly value?: V;
}

/** The cases of one feature, as `offline-features test` finds them in `features/**\/*.spec.ts`. */
export interface FeatureSpec<V = unknown, B extends string = string, C = {}> {
  readonly kind: "offline-features/spec";
  readonly feature: OfflineFeature<V, B, C>;
  readonly cases: readonly SpecCase<V, B, C>[];
  /** Where `spec(...)` was called. */
  readonly source: SourceLocation | undefined;
}

/**
 * Declares expected answers of a feature, for `offline-features test`. Spec files are not
 * features: `gen` ignores `*.spec.ts`, and they never enter a bundle.
 *
 * ```ts
 * export default spec(test, [
 *   { given: { hostname: "lenovo-1", sessionRandom: 0.05 }, bucket: "holdout", value: true },
 *   { given: { hostname: "dell-1" }, percentile: 5, bucket: "default" },
 * ]);
 * ```
 */
export function spec<V, B extends string, C>(
  feature: OfflineFeature<V, B, C>,
  cases: readonly SpecCase<NoInfer<V>, NoInfer<B>, NoInfer<C>>[],
): FeatureSpec<V, B, C> {
  const source = callSite();
  cases.forEach((c, i) => {
    if (c.bucket === undefined && !("value" in c)) {
      throw new DefinitionError(`spec case ${i + 1}${c.name === undefined ? "" : ` (${c.name})`} expects nothing: give a bucket, a value, or both`, { feature: feature.key ?? "", source });
    }
    if (c.percentile !== undefined && !(c.percentile >= 0 && c.percentile < 100)) {
      throw new DefinitionError(`spec case ${i + 1}: percentile must be a number in [0, 100), found ${c.percentile}`, { feature: feature.key ?? "", source });
    }
  });
  return Object.freeze({ kind: "offline-features/spec", feature, cases: Object.freeze([...cases]), source });
}
