import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `comparison.eq`. */
export const eq: ClassifierView<ClassifierOf<"comparison.eq">> = {
  tag: "comparison.eq",
  describe: (node, kit) => `${kit.attribute(node.attribute)} == ${kit.literal(node.value)}`,
  render: (node, kit) => kit.call("eq", node.attribute, node.value, (y) => typeof node.value === y),
  formula: (node, kit) => kit.comparison(node.attribute, "eq", node.value),
  environment: { decide: (node, env) => node.value === env, names: (node) => [node.value] },
  range: { symbol: "==", equality: true, interval: (b) => ({ lo: b, loIn: true, hi: b, hiIn: true }) },
};
