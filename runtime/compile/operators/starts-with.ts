import { EvaluationError } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

/** `str.startswith`: a string attribute begins with the literal (case-sensitive). False for other types. */
export const startsWith: OperatorCompiler<ClassifierOf<"str.startswith">> = (node, scope) => {
  const read = scope.at("attribute").attribute(node.attribute);
  const prefix = node.value;
  return (ctx) => {
    const a = read(ctx);
    if (typeof a === "string") return a.startsWith(prefix);
    return a instanceof EvaluationError ? a : false;
  };
};
