import type { Bucket } from "../model/feature";
import type { JsonValue } from "../model/json";
import type { Predicate } from "../compile/types";
import { EMPTY_CONTEXT, overridesAmbient, type EvaluationContext } from "./context";
import { EvaluationError, NO_ERRORS, type EvaluationDetails } from "./details";
import { bucketLoopFor } from "./loop-copies";
import { answerRecord } from "./answer-records";
import { describeThrown } from "../describe-value";

/** A feature ready to evaluate: classifiers are closures, result records are prebuilt. */
export interface CompiledFeature {
  /**
   * Evaluates against `ctx`. Never throws, even on a hostile context (a throwing getter or
   * proxy): OfflineFeature installs it as the feature's own `evaluate`, with no guard around it.
   */
  evaluate(ctx: EvaluationContext | undefined): EvaluationDetails<JsonValue>;
}


/**
 * The bucket loop: the first bucket whose predicate is true answers; errors met on the way are
 * collected and evaluation goes on; no match gives the default. One frozen details record per
 * bucket is built (or shared, ./answer-records.ts) here, at load, so an error-free evaluation
 * allocates nothing.
 *
 * @param predicates one compiled classifier per bucket, in bucket order.
 * @param memoContext given when every rule reads only process-wide attributes: the answer is
 *   then memoized unless the context overrides one of them, and computed with this context
 *   (which reads as no context; see memoContext in ./context.ts).
 * @param shape what features share a copy of the loop by (runtime/evaluate/loop-copies.ts).
 */
export function bucketLoop(
  buckets: readonly Bucket[],
  predicates: readonly Predicate[],
  fallback: JsonValue,
  memoContext: (() => EvaluationContext) | undefined,
  shape = "",
): CompiledFeature {
  const matched: EvaluationDetails<JsonValue>[] = buckets.map((b) => answerRecord(b.value, b.name, "TARGETING_MATCH"));
  const byDefault = answerRecord(fallback, "default", "DEFAULT");

  const run = bucketLoopFor(shape, predicates.length)({ buckets, predicates, matched, byDefault, fallback });

  return memoContext !== undefined ? memoized(run, fallback, memoContext) : { evaluate: run };
}

type Loop = (ctx: EvaluationContext) => EvaluationDetails<JsonValue>;

/**
 * Every attribute the rules read is process-wide (hostname, session random, literals): unless
 * the context overrides one, the answer cannot change, so it is computed once, on the first call
 * that needs it, with `memoContext()`: a context that reads as none (see memoContext in
 * ./context.ts for why it is not empty).
 */
function memoized(run: Loop, fallback: JsonValue, memoContext: () => EvaluationContext): CompiledFeature {
  let memo: EvaluationDetails<JsonValue> | undefined;
  const answer = (ctx: EvaluationContext | undefined | null): EvaluationDetails<JsonValue> => {
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
      if (overridden) return callLoop(run, ctx);
    }
    return (memo ??= callLoop(run, memoContext()));
  };
  // The memo's hit is all of this closure, so that it inlines into the caller.
  return { evaluate: (ctx) => (ctx == null && memo !== undefined ? memo : answer(ctx)) };
}

/*
 * How a memoized feature calls its loop: through one call site shared by every such feature, so
 * that V8 never inlines a loop (with the rules it inlines) into the memo's closures. Inlined
 * there, the loop made the memo's closure too big for V8 to inline into its callers, and a call
 * without a context, a field read once inlined, cost a real call (1.9 ns became 3.5); called
 * from here, the loop keeps its own optimized code, rules inlined.
 *
 * What V8 would otherwise do depends on how many features the process has, so this module makes
 * it the same for one feature as for many, at load: two other loops called through the site make
 * it megamorphic (V8 inlines only a call site that has seen one function), and two memos built
 * here mean that no memo's closure is ever the only one of its kind (V8 specializes a function
 * created once on the values it captured, and would then see through the site to its loop).
 * Measured on the bench's sequence for this library in one process (check every rule, then time
 * R1, R1-ambient, R5; now bench/measure/sequence.ts), 2026-12-03: R1-ambient 1.0-1.2 ns, where
 * without the two memos it was 2.7 ns in five runs of six, and without the site 3.5 ns in every
 * run; R1 went from 39 ns (the loop over an array) to 24-31 ns.
 */
function callLoop(loop: Loop, ctx: EvaluationContext): EvaluationDetails<JsonValue> {
  return loop(ctx);
}
const NOT_A_FEATURE = Object.freeze({ value: null, bucket: "default", reason: "DEFAULT", errors: NO_ERRORS }) as EvaluationDetails<JsonValue>;
// 16 calls each: V8 keeps no feedback for a function until it has run a few times (about 8).
for (const loop of [() => NOT_A_FEATURE, () => NOT_A_FEATURE]) {
  memoized(loop, null, () => EMPTY_CONTEXT);
  for (let i = 0; i < 16; i++) callLoop(loop, EMPTY_CONTEXT);
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
