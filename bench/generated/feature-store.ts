// DO NOT EDIT. Generated from bench/features/ by `npm run gen`.

import { FeatureStore } from "../../runtime";
import bundle from "./features.json";

/**
 * The store every generated getter reads, filled from the generated bundle. Replace its contents at start-up
 * with `store.replace(json)`: all or nothing, and a bad bundle leaves the current contents in place.
 */
export const store: FeatureStore = FeatureStore.empty();

/**
 * How loading the generated bundle went: a Left only if bench/generated/features.json was edited into something
 * invalid; getters then answer their generated defaults with reason ERROR.
 */
export const loaded = store.replace(bundle, "bench/generated/features.json");
