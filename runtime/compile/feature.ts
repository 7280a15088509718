import type { FeatureModel } from "../model/feature";
import { bucketLoop, withNodeVersionFilter, type CompiledFeature } from "../evaluate/bucket-loop";
import { nodeVersionFilter } from "../evaluate/node-versions";
import { compileRule, type CompileOptions } from "./scope";
import { isProcessConstant, pinnableKeys } from "./traits";
import { memoContext, type EvaluationContext } from "../evaluate/context";
import type { Predicate } from "./types";
import { childNodesOf } from "../model/walk";
import { SharedTable } from "./shared-table";

export type { CompiledFeature } from "../evaluate/bucket-loop";

/**
 * Compiles a decoded feature. Everything that does not depend on the context is done here, once:
 * closures for classifiers, regexes and error records; the bucket loop (runtime/evaluate) runs them.
 */
export function compileFeature(model: FeatureModel, options: CompileOptions = {}): CompiledFeature {
  const predicates: Predicate[] = model.buckets.map((b, i) => compileRule(options, b.name, bucketPath(i), b.classifier));
  const processConstant = model.buckets.every((b) => isProcessConstant(b.classifier));
  const memo = processConstant ? memoContextFor(model) : undefined;
  const compiled = bucketLoop(model.buckets, predicates, model.default, memo, loopShape(model, processConstant));
  if (model.node_versions === undefined) return compiled;
  return withNodeVersionFilter(compiled, nodeVersionFilter(model.node_versions), model.default);
}

/** The context a process-constant feature's memo is computed with, built when first needed. */
function memoContextFor(model: FeatureModel): () => EvaluationContext {
  const keys = pinnableKeys(model.buckets.map((b) => b.classifier));
  return () => memoContext(keys);
}

/**
 * The JSON path of bucket `i`'s rule, one string per index shared by every feature: a rule's root
 * scope keeps its path alive, and a template literal is a new string per feature (32 bytes each).
 */
function bucketPath(i: number): string {
  if (i >= BUCKET_PATHS.length) return `buckets[${i}].classifier`;
  return (BUCKET_PATHS[i] ??= `buckets[${i}].classifier`);
}
const BUCKET_PATHS: (string | undefined)[] = new Array<string | undefined>(64).fill(undefined);

/**
 * What features share a copy of the bucket loop by (runtime/evaluate/loop-copies.ts): the bucket
 * count, and each rule's tag with its number of children. Features alike in these call rules
 * compiled from the same closures, which V8 can inline into their loop; no deeper walk is needed
 * for that, and a store builds one such string per feature.
 */
function loopShape(model: FeatureModel, processConstant: boolean): string {
  let shape = processConstant ? "constant" : "context";
  const buckets = model.buckets;
  for (let i = 0; i < buckets.length; i++) {
    const classifier = buckets[i]!.classifier;
    const tag = classifier.__type;
    const children = childNodesOf(classifier).length;
    const segment = shapeSegments.shared(tag, children) ?? ` ${tag}/${children}`;
    // Length first, as for shared paths: a feature of many buckets is spelled, never hashed per prefix.
    shape = (shape.length <= SHARED_SHAPE_LENGTH ? shapes.shared(shape, segment) : undefined) ?? shape + segment;
  }
  return shape;
}

/*
 * The shape strings, made once and shared: spelled anew per feature, they were 260 bytes of
 * garbage each, and a fresh string is hashed again by every Map that looks it up (the loop copies
 * are assigned by it). Each prefix of a shape is an entry (one per bucket), so only short shapes
 * are shared, those of features with a few buckets, which are most; a longer shape, or any past
 * the tables' bounds, is spelled as before.
 */
const SHARED_SHAPE_LENGTH = 160;
const shapeSegments = new SharedTable<string, number, string>(4096, (tag, children) => ` ${tag}/${children}`);
const shapes = new SharedTable<string, string, string>(4096, (shape, segment) => shape + segment);
