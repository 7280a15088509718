/**
 * The OpenFeature provider (`offline-features/openfeature`). Imports `@openfeature/server-sdk`, an
 * optional peer dependency, so it is kept out of the runtime entry point.
 */
// The provider serves any bundle, so any pattern: re2js as the regex engine, as offline-features/runtime installs it.
import "../re2";
export { OfflineFeaturesProvider, type OfflineFeaturesProviderOptions } from "./provider";
