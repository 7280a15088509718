import { EvaluationError } from "../../evaluate/details";
import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

/**
 * `comparison.ne`: the negation of `eq` for values `eq` can compare (two numbers, two strings, two
 * booleans); false for pairs of different types, which are neither equal nor unequal. PyOF's Rust
 * maps `!=` to `eq`, a bug this does not copy.
 */
export const ne: OperatorCompiler<ClassifierOf<"comparison.ne">> = (node, scope) => {
  const read = scope.at("attribute").attribute(node.attribute);
  const other = node.value;
  const otherType = other === null ? "null" : typeof other;
  return (ctx) => {
    const a = read(ctx);
    if (a instanceof EvaluationError) return a;
    return typeof a === otherType && a !== other;
  };
};
