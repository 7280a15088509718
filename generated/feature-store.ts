// DO NOT EDIT. Generated from features/ by `npm run gen`.

import { FeatureStore, overridesFromEnvironment, type FeatureOverride } from "../runtime/lean";
import bundle from "./features.json";
import { type TestValue, type TestBucket } from "./test";
import { type WelcomeValue, type WelcomeBucket } from "./welcome";

/** What `store.override` and `store.withOverrides` take: per feature, one of its buckets or `{ value }` of its value type. */
export type FeatureOverrides = {
    readonly "test"?: FeatureOverride<TestValue, TestBucket>;
    readonly "welcome"?: FeatureOverride<WelcomeValue, WelcomeBucket>;
  };

/**
 * The store every generated getter reads, filled from the generated bundle. Replace its contents at start-up
 * with `store.replace(json)`: all or nothing, and a bad bundle leaves the current contents in place.
 */
export const store: FeatureStore<FeatureOverrides> = FeatureStore.empty<FeatureOverrides>();

/**
 * How loading the generated bundle went: a Left only if generated/features.json was edited into something
 * invalid; getters then answer their generated defaults with reason ERROR.
 */
export const loaded = store.replace(bundle, "generated/features.json");

/** The local overrides file `OFFLINE_FEATURES_OVERRIDES` names, applied and watched; undefined (and nothing read) unless it is set. */
export const overridesFile = overridesFromEnvironment(store);
