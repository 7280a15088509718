import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `str.contains`. */
export const contains: ClassifierView<ClassifierOf<"str.contains">> = {
  tag: "str.contains",
  describe: (node, kit) => `${kit.attribute(node.attribute)} contains ${JSON.stringify(node.value)}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  formula: (_node, kit) => kit.leaf(),
  environment: { decide: (node, env) => env.includes(node.value) },
};
