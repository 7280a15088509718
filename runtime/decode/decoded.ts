import { deepFreeze } from "../model/freeze";
import type { FeatureModel } from "../model/feature";
import type { Classifier } from "../model/classifier";

/*
 * "Decoded once": a value that came out of a codec is recorded here, frozen, so that a later
 * boundary (OfflineFeature.fromModel, a nested codec, the generator's loader) can tell it apart
 * from hand-built data and skip decoding it again. Freezing is what makes the record safe: nothing
 * can change a decoded value after it was checked. The brand carries the same fact in the types.
 */

declare const decodedBrand: unique symbol;

/** A `T` that a codec produced: checked, frozen, and never decoded again. */
export type Decoded<T> = T & { readonly [decodedBrand]: true };

/** A feature model the feature codec produced. */
export type DecodedFeature = Decoded<FeatureModel>;

/** What each recording codec produces; a decoded classifier is not a decoded feature. */
interface DecodedKinds {
  readonly feature: FeatureModel;
  readonly classifier: Classifier;
}
/** Which codec decoded a value. */
export type DecodedKind = keyof DecodedKinds;

/**
 * What the `kind` codec recorded of a value: its kind, and for a feature whether the decoder saw
 * every node of its rule trees and none of a watched tag ({@link holdsNoWatchedNode}). One entry
 * per value, in one map: a store records 10,000 features.
 */
type Recorded = DecodedKind | "feature without watched nodes";

const decodedValues = new WeakMap<object, Recorded>();

/**
 * Records `value`, which the `kind` codec just produced, as decoded, freezing it and all it
 * holds. `noWatchedNode` says the decoder walked all of it and met no watched node (see
 * DeferredUnion.watched in runtime/vocabulary/refs.ts): no prerequisite, no attribute read at load.
 * `frozenWhole` says that walk froze every record and array in it as it checked them.
 */
export function markDecoded<T extends object>(value: T, kind: DecodedKind, noWatchedNode = false, frozenWhole = false): Decoded<T> {
  // The decoder's walk may have frozen all of it already (runtime/decode/unchanged.ts).
  if (!frozenWhole) deepFreeze(value);
  decodedValues.set(value, kind === "feature" && noWatchedNode ? "feature without watched nodes" : kind);
  return value as Decoded<T>;
}

/** True when `value` came out of the `kind` codec (see {@link markDecoded}). */
export function isDecoded<K extends DecodedKind>(value: unknown, kind: K): value is Decoded<DecodedKinds[K]> {
  if (typeof value !== "object" || value === null) return false;
  const recorded = decodedValues.get(value);
  return recorded === kind || (kind === "feature" && recorded === "feature without watched nodes");
}

/**
 * True for a decoded feature whose rule trees the decoder saw whole and found without a
 * prerequisite or an attribute read at load: a loader skips the walks that look for those (the
 * prerequisite graph, compiling at load). False means "maybe": walk to know.
 */
export function holdsNoWatchedNode(model: FeatureModel): boolean {
  return decodedValues.get(model) === "feature without watched nodes";
}
