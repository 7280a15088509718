import { EvaluationError } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

/** `str.endswith`: a string attribute ends with the literal (case-sensitive). False for other types. */
export const endsWith: OperatorCompiler<ClassifierOf<"str.endswith">> = (node, scope) => {
  const read = scope.at("attribute").attribute(node.attribute);
  const suffix = node.value;
  return (ctx) => {
    const a = read(ctx);
    if (typeof a === "string") return a.endsWith(suffix);
    return a instanceof EvaluationError ? a : false;
  };
};
