import type { FeatureModel } from "../model/feature";
import type { JsonValue } from "../model/json";
import { overridesAmbient, type EvaluationContext } from "../evaluate/context";
import { EvaluationError, NO_ERRORS, type EvaluationDetails } from "../evaluate/details";
import { bucketScope, type CompileOptions } from "./scope";
import { isProcessConstant } from "./traits";
import type { Predicate } from "./types";
import { nodeFilter } from "./node-filter";
import { describeThrown } from "../evaluate/thrown";

/** A feature ready to evaluate: classifiers are closures, result records are prebuilt. */
export interface CompiledFeature {
  /** Evaluates against `ctx`. Never throws. */
  evaluate(ctx: EvaluationContext | undefined): EvaluationDetails<JsonValue>;
}

const EMPTY_CONTEXT: EvaluationContext = Object.freeze({});

/**
 * Compiles a decoded feature. Everything that does not depend on the context is done here, once:
 * closures for classifiers, regexes, error records, and one frozen details record per bucket, so
 * an error-free evaluation allocates nothing.
 */
export function compileFeature(model: FeatureModel, options: CompileOptions = {}): CompiledFeature {
  const compiled = compileBuckets(model, options);
  if (model.node_versions === undefined) return compiled;
  // Outside its Node versions a feature is switched off: the default, unevaluated.
  const applies = nodeFilter(model.node_versions);
  const fallback = model.default;
  const disabled: EvaluationDetails<JsonValue> = Object.freeze({ value: fallback, bucket: "default", reason: "DISABLED", errors: NO_ERRORS });
  return {
    evaluate: (ctx) => {
      const on = applies(ctx);
      if (on === true) return compiled.evaluate(ctx);
      if (on === false) return disabled;
      return Object.freeze({ value: fallback, bucket: "default", reason: "ERROR", errors: Object.freeze([on]) });
    },
  };
}

/** The buckets and default, compiled; memoized when every rule is process-constant. */
function compileBuckets(model: FeatureModel, options: CompileOptions): CompiledFeature {
  const buckets = model.buckets;
  const predicates: Predicate[] = buckets.map((b, i) => bucketScope(options, b.name, `buckets[${i}].classifier`).classifier(b.classifier));
  const matched: EvaluationDetails<JsonValue>[] = buckets.map((b) =>
    Object.freeze({ value: b.value, bucket: b.name, reason: "TARGETING_MATCH", errors: NO_ERRORS }),
  );
  const fallback = model.default;
  const byDefault: EvaluationDetails<JsonValue> = Object.freeze({ value: fallback, bucket: "default", reason: "DEFAULT", errors: NO_ERRORS });
  const count = predicates.length;

  const run = (ctx: EvaluationContext, from = 0, carried?: EvaluationError[]): EvaluationDetails<JsonValue> => {
    let errors = carried;
    let i = from;
    try {
      for (; i < count; i++) {
        const r = predicates[i]!(ctx);
        if (r === true) {
          return errors === undefined ? matched[i]! : Object.freeze({ ...matched[i]!, errors: Object.freeze(errors) });
        }
        if (r !== false) (errors ??= []).push(r);
      }
    } catch (e) {
      // Operators return errors rather than throw; this catches the unforeseen (a hostile
      // context's throwing getter) so that a getter still never throws, and goes on after it.
      const error = new EvaluationError("ATTRIBUTE_ERROR", buckets[i]!.name, `buckets[${i}].classifier`, `evaluation threw: ${describeThrown(e)}`);
      return run(ctx, i + 1, [...(errors ?? []), error]);
    }
    return errors === undefined ? byDefault : Object.freeze({ value: fallback, bucket: "default", reason: "ERROR", errors: Object.freeze(errors) });
  };

  if (!model.buckets.every((b) => isProcessConstant(b.classifier))) {
    // `?? ` and `!= null` below: JavaScript callers may pass null, which reads as no context.
    return { evaluate: (ctx) => run(ctx ?? EMPTY_CONTEXT) };
  }
  // Every attribute read is process-wide (hostname, session random, literals): unless the context
  // overrides one, the answer cannot change, so compute it once.
  let memo: EvaluationDetails<JsonValue> | undefined;
  return {
    evaluate: (ctx) => {
      if (ctx != null && overridesAmbient(ctx)) return run(ctx);
      return (memo ??= run(EMPTY_CONTEXT));
    },
  };
}
