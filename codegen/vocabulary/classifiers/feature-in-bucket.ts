import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `feature.in_bucket`. */
export const inBucket: ClassifierView<ClassifierOf<"feature.in_bucket">> = {
  tag: "feature.in_bucket",
  describe: (node) => `feature ${node.feature} in ${JSON.stringify(node.value)}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  // Another feature's bucket: not decidable here, listed as a condition.
  formula: (_node, kit) => kit.condition(),
};
