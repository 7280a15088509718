import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `time.after`. */
export const after: ClassifierView<ClassifierOf<"time.after">> = {
  tag: "time.after",
  describe: (node, kit) => `${kit.attribute(node.attribute)} at or after ${node.value}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  formula: (_node, kit) => kit.leaf(),
};
