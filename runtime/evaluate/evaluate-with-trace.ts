import type { OfflineFeature } from "../offline-feature";
import type { EvaluationContext } from "./context";
import { EvaluationError } from "./details";
import { DEFAULT_BUCKET } from "../model/feature";
import { describeThrown } from "../describe-value";
import { compileTracer, type TracedDetails, type TracedEvaluator } from "./trace";

/** Each feature's traced evaluator, compiled on its first traced evaluation: a feature never traced holds none. */
const tracers = new WeakMap<OfflineFeature<unknown, string, unknown>, TracedEvaluator>();

/**
 * Evaluates `feature` and explains it: beside the details (the same as `feature.evaluate(ctx)`),
 * a trace of every bucket tried and every rule node in it (its JSON path, the attribute values it
 * read, its operand and result; nodes that short-circuiting skipped are marked not evaluated).
 * The traced evaluator is compiled on first use; `feature.evaluate` never touches it. Never throws.
 *
 * A function rather than a method of OfflineFeature, so an application that never traces bundles
 * none of the tracer.
 */
export function evaluateWithTrace<V, B extends string, C>(feature: OfflineFeature<V, B, C>, ctx?: C & EvaluationContext): TracedDetails<V, B> {
  const key = feature as OfflineFeature<unknown, string, unknown>;
  try {
    let tracer = tracers.get(key);
    if (tracer === undefined) {
      tracer = compileTracer(feature.model, feature.compileOptions);
      tracers.set(key, tracer);
    }
    return tracer(ctx) as TracedDetails<V, B>;
  } catch (e) {
    // Only a hostile context (a throwing getter or proxy) can get here.
    const error = new EvaluationError("ATTRIBUTE_ERROR", DEFAULT_BUCKET, "", `evaluation threw: ${describeThrown(e)}`);
    return { value: feature.model.default as V, bucket: DEFAULT_BUCKET, reason: "ERROR", errors: [error], trace: { feature: feature.key, buckets: [], disabled: false } };
  }
}
