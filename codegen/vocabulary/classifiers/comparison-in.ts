import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `comparison.in`. */
export const oneOf: ClassifierView<ClassifierOf<"comparison.in">> = {
  tag: "comparison.in",
  describe: (node, kit) => `${kit.attribute(node.attribute)} in ${JSON.stringify(node.value)}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  formula: (node, kit) => kit.membership(node.attribute, false),
  environment: { decide: (node, env) => node.value.includes(env), names: (node) => node.value },
};
