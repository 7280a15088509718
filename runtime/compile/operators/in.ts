import { EvaluationError } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

/**
 * `comparison.in`: the attribute equals one of the listed scalars. The list becomes a `Set` at
 * load, so a long list costs one lookup. Same-type equality as `eq` (`Set#has` never coerces:
 * `"1"` is not `1`); an attribute error propagates.
 */
export const oneOf: OperatorCompiler<ClassifierOf<"comparison.in">> = (node, scope) => {
  const read = scope.at("attribute").attribute(node.attribute);
  const members = new Set<unknown>(node.value);
  return (ctx) => {
    const a = read(ctx);
    if (typeof a === "object") return a instanceof EvaluationError ? a : false;
    return members.has(a);
  };
};
