/**
 * `offline-features/openfeature`: the OpenFeature provider (OfflineFeaturesProvider). A placeholder
 * until the delivery issue's provider lands here; package.json already exports this entry point.
 */
export {};
