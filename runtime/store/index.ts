/** The feature store: a project's features by key, loaded from a bundle and replaceable at run time. */
export { FeatureStore, type BundleInfo } from "./store";
export { FeatureHandle } from "./handle";
export { BUNDLE_FORMAT, FeatureKeyC, bundleHash, decodeBundle, encodeBundle, type Bundle } from "./bundle";
export { BundleDecodeError } from "./bundle-error";
