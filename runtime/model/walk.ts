import { absurd } from "fp-ts/function";
import type { Attribute } from "./attribute";
import { isClassifier, type Classifier } from "./classifier";

/*
 * Traversals of the model. Two functions know the shape of each node, and each lists every tag and
 * ends in `absurd`, so a new node that is not taught here is a compile error rather than a node
 * silently skipped. Every traversal is built on them.
 */

/** What a classifier node holds: child classifiers (with their path keys) or one attribute. */
interface Parts {
  readonly children: readonly Classifier[];
  readonly childKeys: readonly string[];
  readonly attribute: Attribute | undefined;
}

const LEAF: Parts = { children: [], childKeys: [], attribute: undefined };

function partsOf(node: Classifier): Parts {
  switch (node.__type) {
    case "bool.all":
    case "bool.any":
      return { children: node.value, childKeys: node.value.map((_, i) => `value[${i}]`), attribute: undefined };
    case "bool.none":
      return isClassifier(node.value) ? { children: [node.value], childKeys: ["value"], attribute: undefined } : LEAF;
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
      return { children: [], childKeys: [], attribute: node.attribute };
    case "feature.in_bucket":
      return LEAF;
    default:
      return absurd(node);
  }
}

/** The attribute an attribute holds (`random.unit` holds its unit), if any. */
function innerAttribute(attribute: Attribute): Attribute | undefined {
  switch (attribute.__type) {
    case "random.unit":
      return attribute.attribute;
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
      return undefined;
    default:
      return absurd(attribute);
  }
}

/** Calls `visit` on an attribute, then on the attributes it holds. */
export function forEachAttributeIn(attribute: Attribute, visit: (attribute: Attribute) => void): void {
  for (let a: Attribute | undefined = attribute; a !== undefined; a = innerAttribute(a)) visit(a);
}

/** Calls `visit` on every attribute a classifier reads, depth first, nested attributes included. */
export function forEachAttribute(node: Classifier, visit: (attribute: Attribute) => void): void {
  const { children, attribute } = partsOf(node);
  if (attribute !== undefined) forEachAttributeIn(attribute, visit);
  for (const child of children) forEachAttribute(child, visit);
}

/**
 * Calls `visit` on every classifier node of a tree, parents before children, with the node's JSON
 * path below `path` (`""` for the root, `value[1].value` for a negated second child).
 */
export function forEachNode(node: Classifier, visit: (node: Classifier, path: string) => void, path = ""): void {
  visit(node, path);
  const { children, childKeys } = partsOf(node);
  children.forEach((child, i) => forEachNode(child, visit, path === "" ? childKeys[i]! : `${path}.${childKeys[i]!}`));
}

function mapAttribute(attribute: Attribute, f: (attribute: Attribute) => Attribute): Attribute {
  const inner = innerAttribute(attribute);
  if (inner === undefined) return f(attribute);
  const mapped = mapAttribute(inner, f);
  return f(mapped === inner ? attribute : ({ ...attribute, attribute: mapped } as Attribute));
}

/**
 * A copy of the classifier with every attribute replaced by `f(attribute)`, innermost first (a
 * `random.unit`'s unit is mapped before the `random.unit` itself). `f` must return an attribute of
 * the same kind (a version attribute for a version, …): operators that take only some attributes
 * rely on it. A node whose attributes are unchanged is returned as it is.
 */
export function mapAttributes(node: Classifier, f: (attribute: Attribute) => Attribute): Classifier {
  const { children, attribute } = partsOf(node);
  if (attribute !== undefined) {
    const mapped = mapAttribute(attribute, f);
    return mapped === attribute ? node : ({ ...node, attribute: mapped } as Classifier);
  }
  if (children.length === 0) return node;
  const mapped = children.map((child) => mapAttributes(child, f));
  if (mapped.every((child, i) => child === children[i])) return node;
  return { ...node, value: Array.isArray(node.value) ? mapped : mapped[0]! } as Classifier;
}
