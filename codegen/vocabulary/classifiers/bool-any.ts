import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `bool.any`. */
export const any: ClassifierView<ClassifierOf<"bool.any">> = {
  tag: "bool.any",
  describe: (node, kit) => (node.value.length === 0 ? "never" : `any(${node.value.map(kit.rule).join(", ")})`),
  render: (node, kit) => {
    kit.use("c");
    return `c.any(${node.value.map(kit.rule).join(", ")})`;
  },
  formula: (node, kit) => ({ kind: "or", parts: node.value.map(kit.formula) }),
  logic: "or",
};
