import { EvaluationError } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

/** `str.contains`: a string attribute contains the literal (case-sensitive). False for other types. */
export const contains: OperatorCompiler<ClassifierOf<"str.contains">> = (node, scope) => {
  const read = scope.at("attribute").attribute(node.attribute);
  const part = node.value;
  return (ctx) => {
    const a = read(ctx);
    if (typeof a === "string") return a.includes(part);
    return a instanceof EvaluationError ? a : false;
  };
};
