import { attributeDescriptor, type Attribute } from "../model/attribute";
import { classifierDescriptor, type Classifier } from "../model/classifier";
import { childNodesOf } from "../model/walk";

/*
 * Traits of a rule tree that loading asks of every feature. Each is one walk with an explicit
 * stack and no callback or record per node: a store of 10,000 features walks 10,000 trees.
 */

/** Calls `test` on every attribute the tree reads (nested attributes included) until it returns true; true when one did. */
function someAttribute(root: Classifier, test: (attribute: Attribute) => boolean, orNode?: (node: Classifier) => boolean): boolean {
  const nodes: Classifier[] = [root];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    if (orNode?.(node) === true) return true;
    const parts = classifierDescriptor(node).parts;
    if (parts.kind === "attribute") {
      for (let a: Attribute | undefined = parts.attribute(node); a !== undefined; a = attributeDescriptor(a).inner?.get(a)) if (test(a)) return true;
    } else if (parts.kind === "children") {
      const children = childNodesOf(node);
      for (let i = children.length - 1; i >= 0; i--) nodes.push(children[i]!);
    }
  }
  return false;
}

const readsPerProcess = (attribute: Attribute) => !attributeDescriptor(attribute).processConstant;
const isPrerequisite = (node: Classifier) => classifierDescriptor(node).prerequisite !== undefined;
const readsNow = (attribute: Attribute) => attributeDescriptor(attribute).readAtLoad === true;

/**
 * True when every attribute the classifier reads is the same for the whole process (absent
 * overrides), as each attribute's descriptor says. A prerequisite never is: the feature it names
 * may read the context, or be replaced.
 */
export function isProcessConstant(node: Classifier): boolean {
  return !someAttribute(node, readsPerProcess, isPrerequisite);
}

/**
 * True when the classifier reads an attribute whose value is taken at load (`process.env`, as its
 * descriptor's `readAtLoad` says), so its feature must compile at load rather than on first use.
 */
export function readsAtLoad(node: Classifier): boolean {
  return someAttribute(node, readsNow);
}
