import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `str.startswith`. */
export const startsWith: ClassifierView<ClassifierOf<"str.startswith">> = {
  tag: "str.startswith",
  describe: (node, kit) => `${kit.attribute(node.attribute)} starts with ${JSON.stringify(node.value)}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  formula: (_node, kit) => kit.leaf(),
  environment: { decide: (node, env) => env.startsWith(node.value) },
};
