import { absurd } from "fp-ts/function";
import type { Attribute } from "./attribute";
import { isClassifier, type Classifier } from "./classifier";

/*
 * Traversals of the model. Every switch lists every tag and ends in `absurd`, so a new node that
 * is not taught here is a compile error rather than a node silently skipped.
 */

/** Calls `visit` on every attribute a classifier reads, depth first, nested attributes included. */
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
      forEachAttributeIn(node.attribute, visit);
      return;
    case "feature.in_bucket":
      return;
    default:
      return absurd(node);
  }
}

/** Calls `visit` on an attribute, then on the attributes it holds (`random.unit` holds its unit). */
export function forEachAttributeIn(attribute: Attribute, visit: (attribute: Attribute) => void): void {
  visit(attribute);
  switch (attribute.__type) {
    case "random.unit":
      forEachAttributeIn(attribute.attribute, visit);
      return;
    case "static.number":
    case "socket.hostname":
    case "random.session":
    case "error":
    case "context.string":
    case "context.number":
    case "context.boolean":
    case "process.env":
    case "process.platform":
    case "time.now":
    case "context.version":
    case "process.node_version":
    case "context.timestamp":
      return;
    default:
      return absurd(attribute);
  }
}

/**
 * Calls `visit` on every classifier node of a tree, parents before children, with the node's JSON
 * path below the root classifier (`""` for the root, `value[1].value` for a negated second child).
 */
export function forEachNode(node: Classifier, visit: (node: Classifier, path: string) => void, path = ""): void {
  visit(node, path);
  const at = (key: string) => (path === "" ? key : `${path}.${key}`);
  switch (node.__type) {
    case "bool.all":
    case "bool.any":
      node.value.forEach((child, i) => forEachNode(child, visit, `${at("value")}[${i}]`));
      return;
    case "bool.none":
      if (isClassifier(node.value)) forEachNode(node.value, visit, at("value"));
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
    case "feature.in_bucket":
      return;
    default:
      return absurd(node);
  }
}

/**
 * A copy of the classifier with every attribute replaced by `f(attribute)`, innermost first (a
 * `random.unit`'s unit is mapped before the `random.unit` itself). `f` must return an attribute of
 * the same kind (a version attribute for a version, …): operators that take only some attributes
 * rely on it. A leaf whose attribute is unchanged is returned as it is.
 */
export function mapAttributes(node: Classifier, f: (attribute: Attribute) => Attribute): Classifier {
  switch (node.__type) {
    case "bool.all":
    case "bool.any":
      return { ...node, value: node.value.map((child) => mapAttributes(child, f)) };
    case "bool.none":
      return isClassifier(node.value) ? { ...node, value: mapAttributes(node.value, f) } : node;
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
    case "time.after": {
      const attribute = mapAttribute(node.attribute, f);
      return attribute === node.attribute ? node : ({ ...node, attribute } as Classifier);
    }
    case "feature.in_bucket":
      return node;
    default:
      return absurd(node);
  }
}

function mapAttribute(attribute: Attribute, f: (attribute: Attribute) => Attribute): Attribute {
  switch (attribute.__type) {
    case "random.unit": {
      const unit = mapAttribute(attribute.attribute, f);
      return f(unit === attribute.attribute ? attribute : { ...attribute, attribute: unit });
    }
    case "static.number":
    case "socket.hostname":
    case "random.session":
    case "error":
    case "context.string":
    case "context.number":
    case "context.boolean":
    case "process.env":
    case "process.platform":
    case "time.now":
    case "context.version":
    case "process.node_version":
    case "context.timestamp":
      return f(attribute);
    default:
      return absurd(attribute);
  }
}
