import type { Bucket } from "../model/feature";
import type { JsonValue } from "../model/json";
import type { Predicate } from "../compile/types";
import { overridesAmbient, type EvaluationContext } from "./context";
import { EvaluationError, NO_ERRORS, type EvaluationDetails } from "./details";
import { describeThrown } from "../describe-value";

/** A feature ready to evaluate: classifiers are closures, result records are prebuilt. */
export interface CompiledFeature {
  /** Evaluates against `ctx`. Never throws. */
  evaluate(ctx: EvaluationContext | undefined): EvaluationDetails<JsonValue>;
  /**
   * For a process-constant feature, the answer without a context once the first such evaluation
   * has computed it; callers with no context may return it without calling {@link evaluate}.
   * Undefined until then, and always for a feature that reads the context.
   */
  readonly memo: EvaluationDetails<JsonValue> | undefined;
}

const EMPTY_CONTEXT: EvaluationContext = Object.freeze({});

/**
 * The bucket loop: the first bucket whose predicate is true answers; errors met on the way are
 * collected and evaluation goes on; no match gives the default. One frozen details record per
 * bucket is built here, at load, so an error-free evaluation allocates nothing.
 *
 * @param predicates one compiled classifier per bucket, in bucket order.
 * @param processConstant true when every rule reads only process-wide attributes: the answer is
 *   then memoized unless the context overrides one of them.
 */
export function bucketLoop(
  buckets: readonly Bucket[],
  predicates: readonly Predicate[],
  fallback: JsonValue,
  processConstant: boolean,
): CompiledFeature {
  const matched: EvaluationDetails<JsonValue>[] = buckets.map((b) =>
    Object.freeze({ value: b.value, bucket: b.name, reason: "TARGETING_MATCH", errors: NO_ERRORS }),
  );
  const byDefault: EvaluationDetails<JsonValue> = Object.freeze({ value: fallback, bucket: "default", reason: "DEFAULT", errors: NO_ERRORS });
  const count = predicates.length;

  // A plain loop, with the try inside it: a bucket that throws (a hostile context's getter) costs
  // one iteration, never a level of recursion, so any number of throwing buckets still reaches a
  // later bucket that matches.
  // `??` here: JavaScript callers may pass null or nothing, which read as no context. Taking it
  // here lets `run` itself be the evaluator of a feature that is not memoized: one call less.
  const run = (given: EvaluationContext | undefined): EvaluationDetails<JsonValue> => {
    const ctx = given ?? EMPTY_CONTEXT;
    let errors: EvaluationError[] | undefined;
    for (let i = 0; i < count; i++) {
      let r: boolean | EvaluationError;
      try {
        r = predicates[i]!(ctx);
      } catch (e) {
        // Operators return errors rather than throw; this catches the unforeseen so that a
        // getter still never throws, and goes on with the next bucket.
        r = thrownIn(buckets, i, e);
      }
      if (r === true) return errors === undefined ? matched[i]! : withErrors(matched[i]!, errors);
      if (r !== false) (errors ??= []).push(r);
    }
    return errors === undefined ? byDefault : failedDefault(fallback, errors);
  };

  if (!processConstant) return { evaluate: run, memo: undefined };
  // Every attribute read is process-wide (hostname, session random, literals): unless the context
  // overrides one, the answer cannot change, so compute it once. The memo is a field, so a caller
  // without a context (OfflineFeature.evaluate) answers with one property read.
  const memoized: { evaluate: CompiledFeature["evaluate"]; memo: EvaluationDetails<JsonValue> | undefined } = {
    evaluate: (ctx) => {
      // `!= null`: JavaScript callers may pass null, which reads as no context.
      if (ctx != null && overridesAmbient(ctx)) return run(ctx);
      return (memoized.memo ??= run(EMPTY_CONTEXT));
    },
    memo: undefined,
  };
  return memoized;
}

/*
 * The error paths of the loop, out of line: V8 sizes a function by all of its code when it
 * decides what to inline into a caller, so the cold paths are kept out of the hot closure.
 */

function thrownIn(buckets: readonly Bucket[], i: number, e: unknown): EvaluationError {
  return new EvaluationError("ATTRIBUTE_ERROR", buckets[i]!.name, `buckets[${i}].classifier`, `evaluation threw: ${describeThrown(e)}`);
}

function withErrors(matched: EvaluationDetails<JsonValue>, errors: EvaluationError[]): EvaluationDetails<JsonValue> {
  return Object.freeze({ ...matched, errors: Object.freeze(errors) });
}

function failedDefault(fallback: JsonValue, errors: EvaluationError[]): EvaluationDetails<JsonValue> {
  return Object.freeze({ value: fallback, bucket: "default", reason: "ERROR", errors: Object.freeze(errors) });
}

/**
 * Wraps a compiled feature in its `node_versions` filter: outside its Node.js versions a feature
 * is switched off (the default, unevaluated, reason `DISABLED`); an invalid override is an error.
 */
export function withNodeVersionFilter(
  compiled: CompiledFeature,
  applies: (ctx: EvaluationContext | undefined) => boolean | EvaluationError,
  fallback: JsonValue,
): CompiledFeature {
  const disabled: EvaluationDetails<JsonValue> = Object.freeze({ value: fallback, bucket: "default", reason: "DISABLED", errors: NO_ERRORS });
  // Properties in the same order as every other compiled feature (evaluate, then memo): one
  // object shape, so the property reads in OfflineFeature.evaluate stay monomorphic.
  return {
    evaluate: (ctx) => {
      const on = applies(ctx);
      if (on === true) return compiled.evaluate(ctx);
      if (on === false) return disabled;
      return Object.freeze({ value: fallback, bucket: "default", reason: "ERROR", errors: Object.freeze([on]) });
    },
    // The filter runs first, so the inner memo is not this feature's answer.
    memo: undefined,
  };
}
