import { EvaluationError } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import { compilePattern } from "../../regex";
import type { OperatorCompiler } from "../types";

/**
 * `re.match`: an unanchored search, like PyOF's Rust `is_match`; the pattern's own `^` anchors it.
 * The regex is compiled here, once per load. False for a non-string attribute.
 */
export const regex: OperatorCompiler<ClassifierOf<"re.match">> = (node, scope) => {
  const read = scope.at("attribute").attribute(node.attribute);
  const pattern = compilePattern(node.value);
  return (ctx) => {
    const a = read(ctx);
    if (typeof a === "string") return pattern.test(a);
    return a instanceof EvaluationError ? a : false;
  };
};
