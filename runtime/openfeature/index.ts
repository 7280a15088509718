/**
 * The OpenFeature provider (`offline-features/openfeature`). Imports `@openfeature/server-sdk`, an
 * optional peer dependency, so it is kept out of the runtime entry point.
 */
export { OfflineFeaturesProvider, type OfflineFeaturesProviderOptions } from "./provider";
