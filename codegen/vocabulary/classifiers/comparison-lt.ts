import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `comparison.lt`. */
export const lt: ClassifierView<ClassifierOf<"comparison.lt">> = {
  tag: "comparison.lt",
  describe: (node, kit) => `${kit.attribute(node.attribute)} < ${kit.literal(node.value)}`,
  // The DSL orders numbers only: another literal is imported as a raw rule.
  render: (node, kit) => kit.call("lt", node.attribute, node.value, (y) => y === "number" && typeof node.value === "number"),
  formula: (node, kit) => kit.comparison(node.attribute, "lt", node.value),
  // Ordering needs numbers on both sides: never true for an environment name.
  environment: { decide: () => false },
  range: { symbol: "<", equality: false, interval: (b) => ({ lo: -Infinity, loIn: false, hi: b, hiIn: false }) },
};
