import { FeatureC, type FeatureModel } from "../../runtime/model/feature";
import { byteSizeProblem, DEFAULT_LIMITS, documentSizeProblem, type InputLimits } from "../../runtime/decode/limits";
import { BUNDLE_ENVELOPE_LEVELS } from "../../runtime/store/bundle";
import type { JsonValue } from "../../runtime/model/json";
import type { Problem } from "../problems";

/*
 * The generated store loads its bundle with the runtime's default input limits, and one feature
 * past them makes it refuse the whole bundle: every getter would then answer its default. So `gen`
 * and `lint` refuse such a feature at its own place, with the same checks the store runs at load
 * (runtime/decode/limits.ts), instead of writing a bundle that cannot be loaded.
 */

/** What a project whose feature is refused can do about it. */
const REMEDY = "the generated store loads its bundle with the default limits and would refuse the whole bundle (every getter answering its default)";

/** Nesting depth (as the runtime counts levels: the root is 0) and value count of a JSON value; explicit stack. */
function measure(root: JsonValue): { depth: number; values: number } {
  let depth = 0;
  let values = 0;
  const stack: unknown[] = [root];
  const levels: number[] = [0];
  while (stack.length > 0) {
    const value = stack.pop();
    const level = levels.pop()!;
    values++;
    if (level > depth) depth = level;
    if (typeof value !== "object" || value === null) continue;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      stack.push(child);
      levels.push(level + 1);
    }
  }
  return { depth, values };
}

/**
 * Why the runtime, with `limits`, would refuse this feature inside a bundle, or undefined: the
 * depth a bundle allows each feature (`limits.depth`: the bundle's own levels come on top), its
 * values and its buckets.
 */
export function featureLimitProblem(key: string, model: FeatureModel, limits: InputLimits = DEFAULT_LIMITS): string | undefined {
  const encoded = FeatureC.encode(model);
  const refusal = documentSizeProblem(encoded, limits);
  if (refusal !== undefined) {
    const { depth, values } = measure(encoded);
    const what =
      depth > limits.depth
        ? `its JSON nests ${depth} levels deep and the runtime refuses a feature deeper than limits.depth = ${limits.depth} (at most 1,024 with { limits: { depth: … } } on a store of your own); nest the rule less (a flat c.all/c.any instead of nested calls)`
        : `its JSON holds ${values} values and the runtime refuses a bundle of more than limits.values = ${limits.values}`;
    return `feature "${key}": ${what}; ${REMEDY}`;
  }
  if (model.buckets.length > limits.buckets) {
    return `feature "${key}": it has ${model.buckets.length} buckets and the runtime refuses a feature of more than limits.buckets = ${limits.buckets}; ${REMEDY}`;
  }
  return undefined;
}

/**
 * Why the runtime, with `limits`, would refuse a bundle as written (`text`, its `json` value), or
 * undefined: its bytes, its depth and values as a whole (features each within their limits can
 * still add up past `limits.values`), and its feature count.
 */
export function bundleLimitProblem(file: string, text: string, json: JsonValue, featureCount: number, limits: InputLimits = DEFAULT_LIMITS): Problem | undefined {
  const refusal = byteSizeProblem(Buffer.byteLength(text, "utf8"), limits) ?? documentSizeProblem(json, limits, BUNDLE_ENVELOPE_LEVELS);
  const tooMany = featureCount > limits.features ? `the bundle holds ${featureCount} features; the limit is limits.features = ${limits.features}` : undefined;
  const problem = refusal ?? tooMany;
  return problem === undefined ? undefined : { where: file, message: `the runtime would refuse this bundle: ${problem}; ${REMEDY}` };
}
