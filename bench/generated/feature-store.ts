// DO NOT EDIT. Generated from bench/features/ by `npm run gen`.

import { FeatureStore, overridesFromEnvironment, type FeatureOverride } from "../../runtime/lean";
import bundle from "./features.json";
import { type R1Value, type R1Bucket } from "./r1";
import { type R2Value, type R2Bucket } from "./r2";
import { type R3Value, type R3Bucket } from "./r3";

/** What `store.override` and `store.withOverrides` take: per feature, one of its buckets or `{ value }` of its value type. */
export type FeatureOverrides = {
    readonly "r1"?: FeatureOverride<R1Value, R1Bucket>;
    readonly "r2"?: FeatureOverride<R2Value, R2Bucket>;
    readonly "r3"?: FeatureOverride<R3Value, R3Bucket>;
  };

/**
 * The store every generated getter reads, filled from the generated bundle. Replace its contents at start-up
 * with `store.replace(json)`: all or nothing, and a bad bundle leaves the current contents in place.
 */
export const store: FeatureStore<FeatureOverrides> = FeatureStore.empty<FeatureOverrides>();

/**
 * How loading the generated bundle went: a Left only if bench/generated/features.json was edited into something
 * invalid; getters then answer their generated defaults with reason ERROR.
 */
export const loaded = store.replace(bundle, "bench/generated/features.json");

/** The local overrides file `OFFLINE_FEATURES_OVERRIDES` names, applied and watched; undefined (and nothing read) unless it is set. */
export const overridesFile = overridesFromEnvironment(store);
