import { EvaluationError } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

/**
 * `comparison.eq`: true when attribute and value are the same number, string or boolean. Values of
 * different types are never equal (no coercion); NaN equals nothing.
 */
export const eq: OperatorCompiler<ClassifierOf<"comparison.eq">> = (node, scope) => {
  const read = scope.at("attribute").attribute(node.attribute);
  const expected = node.value;
  return (ctx) => {
    const a = read(ctx);
    if (a === expected) return true;
    return a instanceof EvaluationError ? a : false;
  };
};
