import type { ClassifierOf } from "../../../runtime/model/classifier";
import type { ClassifierView } from "../types";
import { compilePattern } from "../../../runtime/regex";

/** How codegen reads, writes and analyses `re.match`. */
export const regex: ClassifierView<ClassifierOf<"re.match">> = {
  tag: "re.match",
  describe: (node, kit) => `${kit.attribute(node.attribute)} ~ /${node.value.replace(/\//g, "\\/")}/`,
  render: (node, kit) => kit.call("regex", node.attribute, node.value, (y) => y === "string"),
  formula: (_node, kit) => kit.leaf(),
  environment: { decide: (node, env) => compilePattern(node.value).test(env) },
};
