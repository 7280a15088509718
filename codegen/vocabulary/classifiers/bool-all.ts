import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";

/** How codegen reads, writes and analyses `bool.all`. */
export const all: ClassifierView<ClassifierOf<"bool.all">> = {
  tag: "bool.all",
  describe: (node, kit) => (node.value.length === 0 ? "always" : `all(${node.value.map(kit.rule).join(", ")})`),
  render: (node, kit) => {
    kit.use("c");
    return node.value.length === 0 ? "c.always()" : `c.all(${node.value.map(kit.rule).join(", ")})`;
  },
  formula: (node, kit) => ({ kind: "and", parts: node.value.map(kit.formula) }),
  logic: "and",
};
