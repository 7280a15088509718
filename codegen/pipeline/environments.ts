import { classifierDescriptor, type Classifier, type Scalar } from "../../runtime/model/classifier";
import type { Bucket, FeatureModel } from "../../runtime/model/feature";
import { attributeOf, childrenOf, forEachNode } from "../../runtime/model/walk";
import { ALWAYS } from "../../runtime/vocabulary/classifiers";
import { classifierView } from "../vocabulary";
import { isEnvironmentAttribute } from "../vocabulary/attributes/process-env";

/*
 * Environment folding. An environment is a build-time constant, so for each declared environment
 * every comparison on `environment()` is decided (true or false) and the boolean nodes around it
 * simplified: `all` drops what became true and is false if a part became false, `any` the reverse,
 * `not` flips. A bucket that became false is dropped, and a bucket that became always-true ends the
 * list (the buckets after it cannot match in that environment). The result holds no environment
 * condition at all, so it is plain PyOF JSON, and a production bundle holds no staging rule.
 */

export { isEnvironmentAttribute };

/** The environment names a classifier compares `environment()` with (for checking them against the declared list). */
export function environmentNamesIn(node: Classifier): { readonly names: readonly Scalar[]; readonly path: string }[] {
  const found: { names: readonly Scalar[]; path: string }[] = [];
  forEachNode(node, (n, path) => {
    const attribute = attributeOf(n);
    if (attribute === undefined || !isEnvironmentAttribute(attribute)) return;
    const names = classifierView(n).environment?.names?.(n);
    if (names !== undefined) found.push({ names, path });
  });
  return found;
}

/** True when the feature has a condition on `environment()` anywhere. */
export function readsEnvironment(model: FeatureModel): boolean {
  return model.buckets.some((b) => {
    let found = false;
    forEachNode(b.classifier, (n) => {
      const attribute = attributeOf(n);
      if (attribute !== undefined && isEnvironmentAttribute(attribute)) found = true;
    });
    return found;
  });
}

/** A test on `environment()`, decided for `env` with the runtime's semantics (each tag's view says how). */
function decide(node: Classifier, env: string): boolean | undefined {
  const attribute = attributeOf(node);
  if (attribute === undefined || !isEnvironmentAttribute(attribute)) return undefined;
  return classifierView(node).environment?.decide(node, env);
}

/**
 * `node` with every environment comparison decided: a classifier, or a constant when it became one.
 * The boolean nodes (as their views' `logic` says) simplify around decided parts; the others stay.
 */
function fold(node: Classifier, env: string): Classifier | boolean {
  const decided = decide(node, env);
  if (decided !== undefined) return decided;
  const logic = classifierView(node).logic;
  if (logic === undefined) return node;
  const children = childrenOf(node);
  const rebuild = (parts: readonly Classifier[]): Classifier => {
    const shape = classifierDescriptor(node).parts;
    return shape.kind === "children" ? shape.withChildren(node, parts) : node;
  };
  if (logic === "not") {
    if (children.length === 0) return node;
    const child = children[0]!.node;
    const folded = fold(child, env);
    if (typeof folded === "boolean") return !folded;
    return folded === child ? node : rebuild([folded]);
  }
  const absorbing = logic === "or"; // the constant that decides the whole node
  const parts: Classifier[] = [];
  let changed = false;
  for (const { node: child } of children) {
    const folded = fold(child, env);
    if (folded === absorbing) return absorbing;
    if (folded === !absorbing) changed = true;
    else {
      if (folded !== child) changed = true;
      parts.push(folded as Classifier);
    }
  }
  if (!changed) return node;
  return parts.length === 0 ? !absorbing : rebuild(parts);
}

/**
 * The feature as generated for `env`: environment conditions folded away, buckets that cannot
 * match there dropped. A feature without environment conditions comes back as it was (same object).
 */
export function foldEnvironment(model: FeatureModel, env: string): FeatureModel {
  const buckets: Bucket[] = [];
  let changed = false;
  for (const bucket of model.buckets) {
    const folded = fold(bucket.classifier, env);
    if (folded === false) {
      changed = true;
      continue;
    }
    if (folded === true) {
      buckets.push({ ...bucket, classifier: ALWAYS });
      changed = true;
      break;
    }
    if (folded !== bucket.classifier) changed = true;
    buckets.push(folded === bucket.classifier ? bucket : { ...bucket, classifier: folded });
  }
  // A break above may drop later buckets; count them as a change too.
  if (!changed && buckets.length === model.buckets.length) return model;
  return { ...model, buckets };
}
