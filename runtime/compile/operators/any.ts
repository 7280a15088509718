import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler, Predicate } from "../types";

/** `bool.any`: left to right; the first result that is not `false` (true, or an error) is the answer. */
export const any: OperatorCompiler<ClassifierOf<"bool.any">> = (node, scope) => {
  const parts: Predicate[] = node.value.map((child, i) => scope.at("value").at(i).classifier(child));
  if (parts.length === 0) return () => false;
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [a, b] = parts as [Predicate, Predicate];
    return (ctx) => {
      const r = a(ctx);
      return r === false ? b(ctx) : r;
    };
  }
  return (ctx) => {
    for (let i = 0; i < parts.length; i++) {
      const r = parts[i]!(ctx);
      if (r !== false) return r;
    }
    return false;
  };
};
