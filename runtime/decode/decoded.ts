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

const decodedValues = new WeakMap<object, DecodedKind>();

/** Records `value`, which the `kind` codec just produced, as decoded, freezing it and all it holds. */
export function markDecoded<T extends object>(value: T, kind: DecodedKind): Decoded<T> {
  deepFreeze(value);
  decodedValues.set(value, kind);
  return value as Decoded<T>;
}

/** True when `value` came out of the `kind` codec (see {@link markDecoded}). */
export function isDecoded<K extends DecodedKind>(value: unknown, kind: K): value is Decoded<DecodedKinds[K]> {
  return typeof value === "object" && value !== null && decodedValues.get(value) === kind;
}
