import { EvaluationError } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

/** `comparison.gte`: attribute >= value. False unless both are numbers; an attribute error propagates. */
export const gte: OperatorCompiler<ClassifierOf<"comparison.gte">> = (node, scope) => {
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
    if (typeof a === "number") return a >= bound;
    return a instanceof EvaluationError ? a : false;
  };
};
