import { attributeDescriptor } from "../model/attribute";
import { classifierDescriptor, type Classifier } from "../model/classifier";
import { forEachAttribute, forEachNodeUnpathed } from "../model/walk";

/**
 * True when every attribute the classifier reads is the same for the whole process (absent
 * overrides), as each attribute's descriptor says. A prerequisite never is: the feature it names
 * may read the context, or be replaced.
 */
export function isProcessConstant(node: Classifier): boolean {
  let constant = true;
  forEachNodeUnpathed(node, (n) => {
    if (classifierDescriptor(n).prerequisite !== undefined) constant = false;
  });
  forEachAttribute(node, (attribute) => {
    if (!attributeDescriptor(attribute).processConstant) constant = false;
  });
  return constant;
}

/**
 * True when the classifier reads an attribute whose value is taken at load (`process.env`, as its
 * descriptor's `readAtLoad` says), so its feature must compile at load rather than on first use.
 */
export function readsAtLoad(node: Classifier): boolean {
  let found = false;
  forEachAttribute(node, (attribute) => {
    if (attributeDescriptor(attribute).readAtLoad === true) found = true;
  });
  return found;
}
