import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `comparison.notin`. */
export const noneOf: ClassifierView<ClassifierOf<"comparison.notin">> = {
  tag: "comparison.notin",
  describe: (node, kit) => `${kit.attribute(node.attribute)} not in ${JSON.stringify(node.value)}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  formula: (node, kit) => kit.membership(node.attribute, true),
  environment: { decide: (node, env) => !node.value.includes(env), names: (node) => node.value },
};
