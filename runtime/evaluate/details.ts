/**
 * Why evaluation returned its value, as OpenFeature's resolution reasons name them:
 * - `TARGETING_MATCH`: a bucket's classifier matched;
 * - `DEFAULT`: no bucket matched and none failed;
 * - `ERROR`: no bucket matched and at least one failed (see `errors`);
 * - `DISABLED`: the feature is switched off for this runtime, so the default is returned unevaluated;
 * - `STALE`: a bucket matched or the default applied (as `TARGETING_MATCH` or `DEFAULT` would say),
 *   but the store's source has not been checked successfully for longer than its `staleAfterMs`, so
 *   the answer may be out of date (see `connect(store, source)`).
 * - `OVERRIDE`: a test or a developer forced the answer ({@link FeatureStore.override}); no rule ran.
 *   OpenFeature has no such reason: its provider reports `STATIC`.
 */
export type Reason = "TARGETING_MATCH" | "DEFAULT" | "ERROR" | "DISABLED" | "STALE" | "OVERRIDE";

/**
 * What went wrong in one bucket's classifier:
 * - `ATTRIBUTE_MISSING`: the context lacks a key a rule reads;
 * - `TYPE_MISMATCH`: the context holds a key of the wrong type (values are never coerced);
 * - `ATTRIBUTE_ERROR`: an attribute could not be read (the `error` attribute always fails);
 * - `PREREQUISITE_ERROR`: a feature this one depends on could not be evaluated;
 * - `REGEX_ENGINE_MISSING`: a pattern outside the literal fast path met a runtime loaded without a
 *   regex engine (`offline-features/runtime/lean` alone; see runtime/regex/engine.ts);
 * - `FLAG_NOT_FOUND`: the store has no feature under the key a getter asked for (OpenFeature's name);
 * - `PROVIDER_NOT_READY`: the store waits for its first bundle from a source and was told to serve
 *   the generated defaults until then (`connect(store, source, { until: "defaults" })`).
 */
export type ErrorCode = "ATTRIBUTE_MISSING" | "TYPE_MISMATCH" | "ATTRIBUTE_ERROR" | "PREREQUISITE_ERROR" | "REGEX_ENGINE_MISSING" | "FLAG_NOT_FOUND" | "PROVIDER_NOT_READY";

/**
 * An error met while evaluating a bucket's classifier. The bucket did not match and evaluation
 * went on with the next one. `path` is the JSON path of the node that failed.
 */
export class EvaluationError {
  constructor(
    readonly code: ErrorCode,
    readonly bucket: string,
    readonly path: string,
    readonly message: string,
  ) {}

  /** `buckets[0].classifier.value[1].attribute: context attribute "country" is missing` */
  toString(): string {
    return `${this.path}: ${this.message}`;
  }
}

/**
 * The result of an evaluation: the value, the bucket it came from, why, and any errors met on the
 * way. Frozen, and possibly shared: an error-free answer is built at load and returned by every
 * evaluation that gives it, and features giving the same scalar from the same bucket name share one
 * record. Compare details by their fields, never by identity.
 */
export interface EvaluationDetails<V, B extends string = string> {
  readonly value: V;
  readonly bucket: B | "default";
  readonly reason: Reason;
  readonly errors: readonly EvaluationError[];
}

/** Shared by every error-free evaluation, so the hot path allocates nothing. */
export const NO_ERRORS: readonly EvaluationError[] = Object.freeze([]);
