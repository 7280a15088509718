/**
 * The rule vocabulary: one descriptor per classifier and attribute tag. Everything else that
 * knows about tags (codec unions, compile tables, schema, walks, codegen's views) is built from
 * these lists.
 */
export { classifierDescriptors } from "./classifiers";
export { attributeDescriptors } from "./attributes";
export type { AttributeDescriptor, AttributeYield, ChildClassifier, ClassifierDescriptor, ClassifierParts, TaggedNode } from "./types";
