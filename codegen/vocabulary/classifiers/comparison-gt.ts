import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `comparison.gt`. */
export const gt: ClassifierView<ClassifierOf<"comparison.gt">> = {
  tag: "comparison.gt",
  describe: (node, kit) => `${kit.attribute(node.attribute)} > ${kit.literal(node.value)}`,
  // The DSL orders numbers only: another literal is imported as a raw rule.
  render: (node, kit) => kit.call("gt", node.attribute, node.value, (y) => y === "number" && typeof node.value === "number"),
  formula: (node, kit) => kit.comparison(node.attribute, "gt", node.value),
  // Ordering needs numbers on both sides: never true for an environment name.
  environment: { decide: () => false },
  range: { symbol: ">", equality: false, interval: (b) => ({ lo: b, loIn: false, hi: Infinity, hiIn: false }) },
};
