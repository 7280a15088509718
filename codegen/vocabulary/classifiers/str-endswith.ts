import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `str.endswith`. */
export const endsWith: ClassifierView<ClassifierOf<"str.endswith">> = {
  tag: "str.endswith",
  describe: (node, kit) => `${kit.attribute(node.attribute)} ends with ${JSON.stringify(node.value)}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  formula: (_node, kit) => kit.leaf(),
  environment: { decide: (node, env) => env.endsWith(node.value) },
};
