/** Where a store's bundles come from: a file, an HTTP(S) URL, or the generated bundle. */
export { type BundleSource, type SourceSink, SourceError } from "./source";
export { fileSource, type FileSourceOptions } from "./file";
export { httpSource, type HttpSourceOptions, type HttpBundleSource } from "./http";
export { embedded } from "./embedded";
