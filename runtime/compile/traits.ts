import type { Attribute } from "../model/attribute";
import type { Classifier } from "../model/classifier";
import { forEachAttribute, forEachNode } from "../model/walk";
import { attributes } from "./registry";
import type { AttributeDefinition } from "./types";

/**
 * True when every attribute the classifier reads is the same for the whole process (absent
 * overrides). A prerequisite never is: the feature it names may read the context, or be replaced.
 */
export function isProcessConstant(node: Classifier): boolean {
  let constant = true;
  forEachNode(node, (n) => {
    if (n.__type === "feature.in_bucket") constant = false;
  });
  forEachAttribute(node, (attribute) => {
    if (!(attributes[attribute.__type] as AttributeDefinition<Attribute>).processConstant) constant = false;
  });
  return constant;
}
