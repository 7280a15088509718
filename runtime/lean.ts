/**
 * The runtime without a general regex engine (`offline-features/runtime/lean`): decode PyOF-compatible
 * JSON once, compile it to closures, evaluate locally. Patterns outside the literal fast path answer
 * `REGEX_ENGINE_MISSING` unless an engine is installed (`offline-features/runtime/re2`, or
 * {@link installRegexEngine}); generated stores import this entry, and the engine only when one of
 * their patterns needs it. `offline-features/runtime` (./index.ts) is this plus re2js, installed.
 */
export { OfflineFeature, type FeatureOptions, type SourceLocation, type ContextArgs } from "./offline-feature";
export { decodeFeature, type DecodeOptions } from "./decode/decode";
export type { Decoded, DecodedFeature } from "./decode/decoded";
export { DecodeError, FeatureDecodeError } from "./decode/decode-error";
export { formatIssues, type DecodeIssue } from "./decode/reporter";
export { EvaluationError, type EvaluationDetails, type Reason, type ErrorCode } from "./evaluate/details";
export type { EvaluationContext, AmbientOverrides } from "./evaluate/context";
export type { TracedDetails, EvaluationTrace, BucketTrace, TraceNode, AttributeRead, TraceOutcome } from "./evaluate/trace";
export { compactTrace } from "./evaluate/trace";
export { evaluateWithTrace } from "./evaluate/evaluate-with-trace";
export { FeatureC, DEFAULT_BUCKET, type FeatureModel, type Bucket, type PythonVersion } from "./model/feature";
export { ClassifierC, type Classifier, type ClassifierTag, type Scalar, type NoneLiteral } from "./model/classifier";
export {
  AttributeC,
  contextValueType,
  type Attribute,
  type AttributeTag,
  type ContextAttribute,
  type UnitRandomNode,
  type VersionAttribute,
  type TimeAttribute,
} from "./model/attribute";
export { JsonValueC, type JsonValue } from "./model/json";
export { dependenciesOf, findCycle, findCycleFrom, formatCycle, longestChain, type Dependency } from "./model/dependencies";
export { DEFAULT_LIMITS, inputLimits, byteSizeProblem, type InputLimits } from "./decode/limits";
export { MAX_PREREQUISITE_DEPTH } from "./compile/prerequisite-depth";
export { writeFileAtomic } from "./fs";
export { featureJsonSchema, FEATURE_SCHEMA_ID, type JsonSchema, type JsonSchemaObject } from "./schema";
export {
  type ConnectOptions,
  connect,
  StoreHooks,
  type EvaluationHook,
  type EvaluationOptions,
  type StoreStatus,
  type StoreChange,
  type SourceHealth,
} from "./store";
export { fileSource, httpSource, embedded, SourceError, type BundleSource, type SourceSink, type FileSourceOptions, type HttpSourceOptions, type HttpBundleSource } from "./sources";
export type { FeatureOverride, OverrideMap, OverrideHandle, OverridesFile } from "./store";
export { overridesFromFile, overridesFromEnvironment, OVERRIDES_ENV } from "./store";
export { FeatureStore, FeatureHandle, BundleDecodeError, type StoreOptions, BUNDLE_FORMAT, bundleHash, decodeBundle, encodeBundle, type Bundle, type BundleInfo } from "./store";
export { valueIssues, type ValueCodec } from "./store";
/**
 * io-ts, which generated accessor modules build their value codecs with (`t.type({ text: t.string }, "Banner")`):
 * re-exported so generated code needs no import path of its own for it.
 */
export * as t from "io-ts";
export { ENVIRONMENT_VARIABLE, loadEnvironment, type EmbeddedBundles, type EnvironmentChoice } from "./store";
export { installRegexEngine, type RegexEngine } from "./regex/engine";
