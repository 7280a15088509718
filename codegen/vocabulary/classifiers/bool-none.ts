import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";
import { isClassifier } from "../../../runtime/model/classifier";
import { isFalsyLiteral } from "../../../runtime/vocabulary/classifiers";

/** How codegen reads, writes and analyses `bool.none`. */
export const none: ClassifierView<ClassifierOf<"bool.none">> = {
  tag: "bool.none",
  describe: (node, kit) => `not(${isClassifier(node.value) ? kit.rule(node.value) : kit.literal(node.value)})`,
  render: (node, kit) => {
    kit.use("c");
    return isClassifier(node.value) ? `c.not(${kit.rule(node.value)})` : `c.notLiteral(${JSON.stringify(node.value)})`;
  },
  formula: (node, kit) => (isClassifier(node.value) ? { kind: "not", part: kit.formula(node.value) } : { kind: "const", value: isFalsyLiteral(node.value) }),
  logic: "not",
};
