import type { OfflineFeature } from "../offline-feature";
import type { AmbientOverrides, EvaluationContext } from "../evaluate/context";
import { EvaluationError, type EvaluationDetails } from "../evaluate/details";
import { DEFAULT_BUCKET } from "../model/feature";

/**
 * One key's place in a store. The store swaps `feature` on replace; every handle on the key sees
 * the new feature on its next call, with no lookup by string.
 */
export interface Slot {
  feature: OfflineFeature | undefined;
}

/**
 * A feature of a store, resolved once by key: what a generated getter holds. `evaluate` reads the
 * store's current feature for the key; when the store has none, it returns the fallback (the
 * default baked into the generated code) with reason `ERROR` and a `FLAG_NOT_FOUND` error.
 * Never throws.
 *
 * @typeParam V the feature's value type.
 * @typeParam B its bucket names (`"default"` included or not: details add it).
 * @typeParam C the context it takes: the keys the feature reads plus the ambient overrides.
 */
export class FeatureHandle<V, B extends string = string, C extends AmbientOverrides = AmbientOverrides> {
  private readonly missing: EvaluationDetails<V, B>;

  constructor(
    /** The feature's key in the store. */
    readonly key: string,
    private readonly slot: Slot,
    /** What evaluation answers when the store has no feature under the key. */
    readonly fallback: V,
  ) {
    const error = new EvaluationError("FLAG_NOT_FOUND", DEFAULT_BUCKET, "", `the feature store has no feature "${key}"; returning the generated default`);
    this.missing = Object.freeze({ value: fallback, bucket: DEFAULT_BUCKET, reason: "ERROR", errors: Object.freeze([error]) });
  }

  /** The store's current feature for the key, if any (for tools; getters use {@link FeatureHandle.evaluate}). */
  get feature(): OfflineFeature | undefined {
    return this.slot.feature;
  }

  /** Evaluates the store's current feature for this key. Never throws. */
  evaluate(ctx?: C): EvaluationDetails<V, B> {
    const feature = this.slot.feature;
    // C is an object type with known keys; the evaluator reads any key, hence the widening.
    return feature === undefined ? this.missing : (feature.evaluate(ctx as EvaluationContext | undefined) as EvaluationDetails<V, B>);
  }
}
