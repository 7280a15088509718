import { isClassifier, type ClassifierOf, type NoneLiteral } from "../../model/classifier";
import type { OperatorCompiler } from "../types";

/** PyOF's `not literal`: true exactly for `""`, `0`, `false` and `[]`. */
export function isFalsyLiteral(literal: NoneLiteral): boolean {
  return literal === "" || literal === 0 || literal === false || (Array.isArray(literal) && literal.length === 0);
}

/** `bool.none`: negation. An error stays an error (`not(error)` is not true), as in PyOF. */
export const none: OperatorCompiler<ClassifierOf<"bool.none">> = (node, scope) => {
  const value = node.value;
  if (!isClassifier(value)) {
    const result = isFalsyLiteral(value);
    return () => result;
  }
  const inner = scope.at("value").classifier(value);
  return (ctx) => {
    const r = inner(ctx);
    return r === true ? false : r === false ? true : r;
  };
};
