import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `comparison.ne`. */
export const ne: ClassifierView<ClassifierOf<"comparison.ne">> = {
  tag: "comparison.ne",
  describe: (node, kit) => `${kit.attribute(node.attribute)} != ${kit.literal(node.value)}`,
  render: (node, kit) => kit.call("ne", node.attribute, node.value, (y) => typeof node.value === y),
  formula: (node, kit) => kit.comparison(node.attribute, "ne", node.value),
  // `ne` is false for values of different types, as at run time.
  environment: { decide: (node, env) => typeof node.value === "string" && node.value !== env, names: (node) => [node.value] },
};
