/** The feature store: a project's features by key, loaded from a bundle and replaceable at run time. */
export { FeatureStore, type BundleInfo, type StoreOptions } from "./store";
export { FeatureHandle } from "./handle";
export { type ConnectOptions } from "./connection";
export { connect } from "./connect";
export { StoreHooks, type EvaluationHook, type EvaluationOptions } from "./hooks";
export type { StoreStatus, StoreChange, SourceHealth } from "./status";
export { BUNDLE_FORMAT, FeatureKeyC, bundleHash, decodeBundle, encodeBundle, type Bundle } from "./bundle";
export { BundleDecodeError } from "./bundle-error";
export type { FeatureOverride, OverrideMap, OverrideHandle } from "./overrides";
export { overridesFromFile, overridesFromEnvironment, OVERRIDES_ENV, type OverridesFile } from "./overrides-file";
export { valueIssues, type ValueCodec } from "./value-check";
export { ENVIRONMENT_VARIABLE, loadEnvironment, type EmbeddedBundles, type EnvironmentChoice } from "./environment";
