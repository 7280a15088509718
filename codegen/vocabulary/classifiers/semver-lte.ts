import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `semver.lte`. */
export const semverLte: ClassifierView<ClassifierOf<"semver.lte">> = {
  tag: "semver.lte",
  describe: (node, kit) => `${kit.attribute(node.attribute)} <= version ${node.value}`,
  // Not in PyOF's vocabulary: kept exact as a raw rule.
  render: (_node, kit) => kit.raw(),
  formula: (_node, kit) => kit.leaf(),
};
