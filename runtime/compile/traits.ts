import type { Attribute } from "../model/attribute";
import type { Classifier } from "../model/classifier";
import { forEachAttribute } from "../model/walk";
import { attributes } from "./registry";
import type { AttributeDefinition } from "./types";

/** True when every attribute the classifier reads is the same for the whole process (absent overrides). */
export function isProcessConstant(node: Classifier): boolean {
  let constant = true;
  forEachAttribute(node, (attribute) => {
    if (!(attributes[attribute.__type] as AttributeDefinition<Attribute>).processConstant) constant = false;
  });
  return constant;
}
