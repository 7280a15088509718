import { absurd } from "fp-ts/function";
import type { Attribute } from "../../runtime/model/attribute";
import { isClassifier, type Classifier, type Scalar } from "../../runtime/model/classifier";
import type { Bucket, FeatureModel } from "../../runtime/model/feature";
import { forEachNode } from "../../runtime/model/walk";
import { compilePattern } from "../../runtime/regex";
import { ENVIRONMENT_VARIABLE } from "../../runtime/store/environment";

/*
 * Environment folding. An environment is a build-time constant, so for each declared environment
 * every comparison on `environment()` is decided (true or false) and the boolean nodes around it
 * simplified: `all` drops what became true and is false if a part became false, `any` the reverse,
 * `not` flips. A bucket that became false is dropped, and a bucket that became always-true ends the
 * list (the buckets after it cannot match in that environment). The result holds no environment
 * condition at all, so it is plain PyOF JSON, and a production bundle holds no staging rule.
 */

/** True when `attribute` is `environment()`. */
export function isEnvironmentAttribute(attribute: Attribute): boolean {
  return attribute.__type === "process.env" && attribute.name === ENVIRONMENT_VARIABLE;
}

/** The environment names a classifier compares `environment()` with (for checking them against the declared list). */
export function environmentNamesIn(node: Classifier): { readonly names: readonly Scalar[]; readonly path: string }[] {
  const found: { names: readonly Scalar[]; path: string }[] = [];
  forEachNode(node, (n, path) => {
    if (!("attribute" in n) || !isEnvironmentAttribute(n.attribute)) return;
    if (n.__type === "comparison.eq" || n.__type === "comparison.ne") found.push({ names: [n.value], path });
    else if (n.__type === "comparison.in" || n.__type === "comparison.notin") found.push({ names: n.value, path });
  });
  return found;
}

/** True when the feature has a condition on `environment()` anywhere. */
export function readsEnvironment(model: FeatureModel): boolean {
  return model.buckets.some((b) => {
    let found = false;
    forEachNode(b.classifier, (n) => {
      if ("attribute" in n && isEnvironmentAttribute(n.attribute)) found = true;
    });
    return found;
  });
}

/** A comparison on `environment()`, decided for `env` with the runtime's own semantics. */
function decide(node: Classifier, env: string): boolean | undefined {
  if (!("attribute" in node) || !isEnvironmentAttribute(node.attribute)) return undefined;
  switch (node.__type) {
    case "comparison.eq":
      return node.value === env;
    case "comparison.ne":
      // `ne` is false for values of different types, as at run time.
      return typeof node.value === "string" && node.value !== env;
    case "comparison.in":
      return node.value.includes(env);
    case "comparison.notin":
      return !node.value.includes(env);
    case "str.startswith":
      return env.startsWith(node.value);
    case "str.endswith":
      return env.endsWith(node.value);
    case "str.contains":
      return env.includes(node.value);
    case "re.match":
      return compilePattern(node.value).test(env);
    // Ordering needs numbers on both sides: never true for a name.
    case "comparison.lt":
    case "comparison.lte":
    case "comparison.gt":
    case "comparison.gte":
      return false;
    default:
      return undefined;
  }
}

/** `node` with every environment comparison decided: a classifier, or a constant when it became one. */
function fold(node: Classifier, env: string): Classifier | boolean {
  const decided = decide(node, env);
  if (decided !== undefined) return decided;
  switch (node.__type) {
    case "bool.all":
    case "bool.any": {
      const absorbing = node.__type === "bool.any"; // the constant that decides the whole node
      const parts: Classifier[] = [];
      let changed = false;
      for (const child of node.value) {
        const folded = fold(child, env);
        if (folded === absorbing) return absorbing;
        if (folded === !absorbing) changed = true;
        else {
          if (folded !== child) changed = true;
          parts.push(folded as Classifier);
        }
      }
      if (!changed) return node;
      return parts.length === 0 ? !absorbing : { __type: node.__type, value: parts };
    }
    case "bool.none": {
      if (!isClassifier(node.value)) return node;
      const folded = fold(node.value, env);
      if (typeof folded === "boolean") return !folded;
      return folded === node.value ? node : { __type: "bool.none", value: folded };
    }
    case "comparison.lt":
    case "comparison.lte":
    case "comparison.gt":
    case "comparison.gte":
    case "comparison.eq":
    case "comparison.ne":
    case "re.match":
    case "comparison.in":
    case "comparison.notin":
    case "str.startswith":
    case "str.endswith":
    case "str.contains":
    case "semver.lt":
    case "semver.lte":
    case "semver.gt":
    case "semver.gte":
    case "semver.eq":
    case "time.before":
    case "time.after":
    case "feature.in_bucket":
      return node;
    default:
      return absurd(node);
  }
}

/** PyOF's spelling of a rule that always matches: an empty `bool.all`. */
const ALWAYS: Classifier = { __type: "bool.all", value: [] };

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
