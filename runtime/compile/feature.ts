import type { FeatureModel } from "../model/feature";
import { bucketLoop, withNodeVersionFilter, type CompiledFeature } from "../evaluate/bucket-loop";
import { nodeVersionFilter } from "../evaluate/node-versions";
import { compileRule, type CompileOptions } from "./scope";
import { isProcessConstant } from "./traits";
import type { Predicate } from "./types";

export type { CompiledFeature } from "../evaluate/bucket-loop";

/**
 * Compiles a decoded feature. Everything that does not depend on the context is done here, once:
 * closures for classifiers, regexes and error records; the bucket loop (runtime/evaluate) runs them.
 */
export function compileFeature(model: FeatureModel, options: CompileOptions = {}): CompiledFeature {
  const predicates: Predicate[] = model.buckets.map((b, i) => compileRule(options, b.name, `buckets[${i}].classifier`, b.classifier));
  const processConstant = model.buckets.every((b) => isProcessConstant(b.classifier));
  const compiled = bucketLoop(model.buckets, predicates, model.default, processConstant);
  if (model.node_versions === undefined) return compiled;
  return withNodeVersionFilter(compiled, nodeVersionFilter(model.node_versions), model.default);
}
