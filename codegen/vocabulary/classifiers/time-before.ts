import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `time.before`. */
export const before: ClassifierView<ClassifierOf<"time.before">> = {
  tag: "time.before",
  describe: (node, kit) => `${kit.attribute(node.attribute)} before ${node.value}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  formula: (_node, kit) => kit.leaf(),
};
