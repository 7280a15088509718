import { EvaluationError } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

/**
 * `comparison.notin`: the attribute is a string, number or boolean that is none of the listed
 * ones; the exact negation of `comparison.in` for those (so an empty list is always true). An
 * attribute error propagates: a missing attribute is not "none of them".
 */
export const noneOf: OperatorCompiler<ClassifierOf<"comparison.notin">> = (node, scope) => {
  const read = scope.at("attribute").attribute(node.attribute);
  const members = new Set<unknown>(node.value);
  return (ctx) => {
    const a = read(ctx);
    if (typeof a === "object") return a instanceof EvaluationError ? a : false;
    return !members.has(a);
  };
};
