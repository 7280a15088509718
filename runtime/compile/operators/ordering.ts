import { EvaluationError } from "../../evaluate/details";
import type { ComparisonNode } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

type OrderingNode = Extract<ComparisonNode, { readonly __type: "comparison.lt" | "comparison.lte" | "comparison.gt" | "comparison.gte" }>;

/**
 * The shape shared by `lt`, `lte`, `gt` and `gte`: true or false when both sides are numbers,
 * false otherwise, and an attribute's error passes through. A non-numeric literal is decided at
 * compile time.
 */
export function ordering<N extends OrderingNode>(holds: (attribute: number, bound: number) => boolean): OperatorCompiler<N> {
  return (node, scope) => {
    const read = scope.at("attribute").attribute(node.attribute);
    const bound = node.value;
    if (typeof bound !== "number") {
      return (ctx) => {
        const a = read(ctx);
        return a instanceof EvaluationError ? a : false;
      };
    }
    return (ctx) => {
      const a = read(ctx);
      if (typeof a === "number") return holds(a, bound);
      return a instanceof EvaluationError ? a : false;
    };
  };
}
