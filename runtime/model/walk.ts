import { attributeDescriptor, type Attribute } from "./attribute";
import { classifierDescriptor, type Classifier } from "./classifier";
import type { ChildClassifier } from "../vocabulary/types";

/*
 * Traversals of the model. Each tag's descriptor (runtime/vocabulary/) says what its node holds:
 * child classifiers, one attribute, or nothing, and an attribute may hold an attribute. The walks
 * below are generic over that, and iterative (explicit stacks): a rule tree's depth comes from
 * the input, so no traversal of it recurses.
 */

const NO_CHILDREN: readonly ChildClassifier[] = [];
const NO_CHILD_NODES: readonly Classifier[] = [];

/** The child classifiers of a node, with their path keys. */
export function childrenOf(node: Classifier): readonly ChildClassifier[] {
  const parts = classifierDescriptor(node).parts;
  return parts.kind === "children" ? parts.children(node) : NO_CHILDREN;
}

/** The child classifiers of a node, without path keys (no record per child). */
export function childNodesOf(node: Classifier): readonly Classifier[] {
  const parts = classifierDescriptor(node).parts;
  return parts.kind === "children" ? parts.childNodes(node) : NO_CHILD_NODES;
}

/** The attribute a node reads directly, if it is an attribute test. */
export function attributeOf(node: Classifier): Attribute | undefined {
  const parts = classifierDescriptor(node).parts;
  return parts.kind === "attribute" ? parts.attribute(node) : undefined;
}

/** The attribute an attribute holds (`random.unit` holds its unit), if any. */
function innerAttribute(attribute: Attribute): Attribute | undefined {
  return attributeDescriptor(attribute).inner?.get(attribute);
}

/** Calls `visit` on an attribute, then on the attributes it holds. */
export function forEachAttributeIn(attribute: Attribute, visit: (attribute: Attribute) => void): void {
  for (let a: Attribute | undefined = attribute; a !== undefined; a = innerAttribute(a)) visit(a);
}

/**
 * Calls `visit` on every classifier node of a tree, parents before children, with the node's JSON
 * path below `path` (`""` for the root, `value[1].value` for a negated second child).
 */
export function forEachNode(node: Classifier, visit: (node: Classifier, path: string) => void, path = ""): void {
  const nodes: Classifier[] = [node];
  const paths: string[] = [path];
  while (nodes.length > 0) {
    const n = nodes.pop()!;
    const at = paths.pop()!;
    visit(n, at);
    const children = childrenOf(n);
    // Pushed last to first, so they are visited first to last.
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!.node);
      paths.push(at === "" ? children[i]!.key : `${at}.${children[i]!.key}`);
    }
  }
}

/**
 * The stack of {@link someNode}, shared by every call: a load walks every tree of every feature,
 * and a fresh array per walk, grown as nodes are pushed, was what those walks allocated. Each call
 * works above the height it found and pops back to it (also on a throw), so a walk started from a
 * test is safe; after a very tall tree the storage is let go.
 */
const walkStack: Classifier[] = [];

/**
 * Calls `test` on every classifier node of a tree, parents before children, without spelling
 * their paths, until it returns true; true when it did.
 */
export function someNode(root: Classifier, test: (node: Classifier) => boolean): boolean {
  const base = walkStack.length;
  let peak = base;
  walkStack.push(root);
  try {
    while (walkStack.length > base) {
      const n = walkStack.pop()!;
      if (test(n)) return true;
      const children = childNodesOf(n);
      for (let i = children.length - 1; i >= 0; i--) walkStack.push(children[i]!);
      if (walkStack.length > peak) peak = walkStack.length;
    }
    return false;
  } finally {
    if (peak > 4096) walkStack.length = base;
    else while (walkStack.length > base) walkStack.pop();
  }
}

/** Calls `visit` on every classifier node of a tree, parents before children, without spelling their paths. */
export function forEachNodeUnpathed(node: Classifier, visit: (node: Classifier) => void): void {
  const nodes: Classifier[] = [node];
  while (nodes.length > 0) {
    const n = nodes.pop()!;
    visit(n);
    const children = childNodesOf(n);
    for (let i = children.length - 1; i >= 0; i--) nodes.push(children[i]!);
  }
}

/** Calls `visit` on every attribute a classifier reads, depth first, nested attributes included. */
export function forEachAttribute(node: Classifier, visit: (attribute: Attribute) => void): void {
  forEachNodeUnpathed(node, (n) => {
    const attribute = attributeOf(n);
    if (attribute !== undefined) forEachAttributeIn(attribute, visit);
  });
}

function mapAttribute(attribute: Attribute, f: (attribute: Attribute) => Attribute): Attribute {
  const chain: Attribute[] = [];
  for (let a: Attribute | undefined = attribute; a !== undefined; a = innerAttribute(a)) chain.push(a);
  let mapped = f(chain[chain.length - 1]!);
  for (let i = chain.length - 2; i >= 0; i--) {
    const outer = chain[i]!;
    const rebuilt = mapped === chain[i + 1] ? outer : attributeDescriptor(outer).inner!.with(outer, mapped);
    mapped = f(rebuilt);
  }
  return mapped;
}

/** A node with its attribute (or its mapped children) replaced; the node itself when nothing changed. */
function rebuilt(node: Classifier, children: readonly ChildClassifier[], mapped: readonly Classifier[], f: (attribute: Attribute) => Attribute): Classifier {
  const parts = classifierDescriptor(node).parts;
  if (parts.kind === "attribute") {
    const attribute = parts.attribute(node);
    const replaced = mapAttribute(attribute, f);
    return replaced === attribute ? node : parts.withAttribute(node, replaced);
  }
  if (parts.kind === "leaf" || mapped.every((child, i) => child === children[i]!.node)) return node;
  return parts.withChildren(node, mapped);
}

/**
 * A copy of the classifier with every attribute replaced by `f(attribute)`, innermost first (a
 * `random.unit`'s unit is mapped before the `random.unit` itself). `f` must return an attribute of
 * the same kind (a version attribute for a version, …): operators that take only some attributes
 * rely on it. A node whose attributes are unchanged is returned as it is.
 */
export function mapAttributes(node: Classifier, f: (attribute: Attribute) => Attribute): Classifier {
  interface Frame {
    readonly node: Classifier;
    readonly children: readonly ChildClassifier[];
    readonly mapped: Classifier[];
  }
  const frame = (n: Classifier): Frame => ({ node: n, children: childrenOf(n), mapped: [] });
  const stack: Frame[] = [frame(node)];
  for (;;) {
    const top = stack[stack.length - 1]!;
    if (top.mapped.length < top.children.length) {
      stack.push(frame(top.children[top.mapped.length]!.node));
      continue;
    }
    stack.pop();
    const done = rebuilt(top.node, top.children, top.mapped, f);
    if (stack.length === 0) return done;
    stack[stack.length - 1]!.mapped.push(done);
  }
}
