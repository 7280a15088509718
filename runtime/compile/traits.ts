import { attributeDescriptor } from "../model/attribute";
import { classifierDescriptor, type Classifier } from "../model/classifier";
import { forEachAttribute, forEachNode } from "../model/walk";

/**
 * True when every attribute the classifier reads is the same for the whole process (absent
 * overrides), as each attribute's descriptor says. A prerequisite never is: the feature it names
 * may read the context, or be replaced.
 */
export function isProcessConstant(node: Classifier): boolean {
  let constant = true;
  forEachNode(node, (n) => {
    if (classifierDescriptor(n).prerequisite !== undefined) constant = false;
  });
  forEachAttribute(node, (attribute) => {
    if (!attributeDescriptor(attribute).processConstant) constant = false;
  });
  return constant;
}
