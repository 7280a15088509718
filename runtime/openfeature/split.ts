import type { FeatureModel } from "../model/feature";
import { attributeDescriptor } from "../model/attribute";
import { forEachAttribute } from "../model/walk";

/** Per feature model, whether each bucket's rule reads a random number (a hash rollout). */
const randomBuckets = new WeakMap<FeatureModel, readonly boolean[]>();

/**
 * Whether bucket `index` of `model` is a hash rollout: its rule reads `random.unit` or
 * `random.session`, so when it matched, a traffic split decided (OpenFeature's reason `SPLIT`).
 * Computed once per model.
 */
export function isSplit(model: FeatureModel, index: number): boolean {
  let flags = randomBuckets.get(model);
  if (flags === undefined) {
    flags = model.buckets.map((bucket) => {
      let random = false;
      forEachAttribute(bucket.classifier, (attribute) => {
        if (attributeDescriptor(attribute).draw !== undefined) random = true;
      });
      return random;
    });
    randomBuckets.set(model, flags);
  }
  return flags[index] === true;
}

/** Whether any bucket of `model` is a unit rollout (`random.unit`), which a targeting key usually feeds. */
export function readsUnit(model: FeatureModel): boolean {
  return model.buckets.some((bucket) => {
    let unit = false;
    forEachAttribute(bucket.classifier, (attribute) => {
      if (attributeDescriptor(attribute).draw === "unit") unit = true;
    });
    return unit;
  });
}
