import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `semver.gt`. */
export const semverGt: ClassifierView<ClassifierOf<"semver.gt">> = {
  tag: "semver.gt",
  describe: (node, kit) => `${kit.attribute(node.attribute)} > version ${node.value}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  formula: (_node, kit) => kit.leaf(),
};
