import type { Bucket } from "../model/feature";
import type { JsonValue } from "../model/json";
import type { Predicate } from "../compile/types";
import { overridesAmbient, type EvaluationContext } from "./context";
import { EvaluationError, NO_ERRORS, type EvaluationDetails } from "./details";
import { bucketLoopFor } from "./loop-copies";
import { describeThrown } from "../describe-value";

/** A feature ready to evaluate: classifiers are closures, result records are prebuilt. */
export interface CompiledFeature {
  /**
   * Evaluates against `ctx`. Never throws, even on a hostile context (a throwing getter or
   * proxy): OfflineFeature installs it as the feature's own `evaluate`, with no guard around it.
   */
  evaluate(ctx: EvaluationContext | undefined): EvaluationDetails<JsonValue>;
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
 * @param shape what features share a copy of the loop by (runtime/evaluate/loop-copies.ts).
 */
export function bucketLoop(
  buckets: readonly Bucket[],
  predicates: readonly Predicate[],
  fallback: JsonValue,
  processConstant: boolean,
  shape = "",
): CompiledFeature {
  const matched: EvaluationDetails<JsonValue>[] = buckets.map((b) =>
    Object.freeze({ value: b.value, bucket: b.name, reason: "TARGETING_MATCH", errors: NO_ERRORS }),
  );
  const byDefault: EvaluationDetails<JsonValue> = Object.freeze({ value: fallback, bucket: "default", reason: "DEFAULT", errors: NO_ERRORS });

  const run = bucketLoopFor(shape)({ buckets, predicates, matched, byDefault, fallback });

  if (!processConstant) return { evaluate: run };
  // Every attribute read is process-wide (hostname, session random, literals): unless the context
  // overrides one, the answer cannot change, so compute it once, on the first call that needs it.
  let memo: EvaluationDetails<JsonValue> | undefined;
  return {
    evaluate: (ctx) => {
      // `!= null`: JavaScript callers may pass null, which reads as no context.
      if (ctx != null) {
        let overridden: boolean;
        try {
          overridden = overridesAmbient(ctx);
        } catch (e) {
          // A context whose getters throw: the default with that one error, whatever the rules
          // (which buckets would have read it depends on the session random).
          return thrownDetails(fallback, e);
        }
        if (overridden) return run(ctx);
      }
      return (memo ??= run(EMPTY_CONTEXT));
    },
  };
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
  return {
    evaluate: (ctx) => {
      let on: boolean | EvaluationError;
      try {
        on = applies(ctx);
      } catch (e) {
        on = thrownError(e);
      }
      if (on === true) return compiled.evaluate(ctx);
      if (on === false) return disabled;
      return Object.freeze({ value: fallback, bucket: "default", reason: "ERROR", errors: Object.freeze([on]) });
    },
  };
}

/** The answer to a throw outside any bucket (a hostile context): the default, with that error. */
export function thrownDetails(fallback: JsonValue, e: unknown): EvaluationDetails<JsonValue> {
  return { value: fallback, bucket: "default", reason: "ERROR", errors: [thrownError(e)] };
}

/** What a throw outside any bucket (a hostile context) becomes. */
function thrownError(e: unknown): EvaluationError {
  return new EvaluationError("ATTRIBUTE_ERROR", "default", "", `evaluation threw: ${describeThrown(e)}`);
}
