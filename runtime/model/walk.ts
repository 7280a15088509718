import { absurd } from "fp-ts/function";
import type { Attribute } from "./attribute";
import { isClassifier, type Classifier } from "./classifier";

/** Calls `visit` on every attribute a classifier reads, depth first. */
export function forEachAttribute(node: Classifier, visit: (attribute: Attribute) => void): void {
  switch (node.__type) {
    case "bool.all":
    case "bool.any":
      for (const child of node.value) forEachAttribute(child, visit);
      return;
    case "bool.none":
      if (isClassifier(node.value)) forEachAttribute(node.value, visit);
      return;
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
      visit(node.attribute);
      return;
    default:
      return absurd(node);
  }
}

/** Calls `visit` on every classifier node of a tree, parents before children. */
export function forEachNode(node: Classifier, visit: (node: Classifier) => void): void {
  visit(node);
  switch (node.__type) {
    case "bool.all":
    case "bool.any":
      for (const child of node.value) forEachNode(child, visit);
      return;
    case "bool.none":
      if (isClassifier(node.value)) forEachNode(node.value, visit);
      return;
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
      return;
    default:
      return absurd(node);
  }
}
