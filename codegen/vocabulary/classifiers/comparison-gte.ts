import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `comparison.gte`. */
export const gte: ClassifierView<ClassifierOf<"comparison.gte">> = {
  tag: "comparison.gte",
  describe: (node, kit) => `${kit.attribute(node.attribute)} >= ${kit.literal(node.value)}`,
  // The DSL orders numbers only: another literal is imported as a raw rule.
  render: (node, kit) => kit.call("ge", node.attribute, node.value, (y) => y === "number" && typeof node.value === "number"),
  formula: (node, kit) => kit.comparison(node.attribute, "gte", node.value),
  // Ordering needs numbers on both sides: never true for an environment name.
  environment: { decide: () => false },
  range: { symbol: ">=", equality: false, interval: (b) => ({ lo: b, loIn: true, hi: Infinity, hiIn: false }) },
};
