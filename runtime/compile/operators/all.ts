import type { ClassifierOf } from "../../model/classifier";
import type { OperatorCompiler, Predicate } from "../types";

/** `bool.all`: left to right; the first result that is not `true` (false, or an error) is the answer. */
export const all: OperatorCompiler<ClassifierOf<"bool.all">> = (node, scope) => {
  const parts: Predicate[] = node.value.map((child, i) => scope.at("value").at(i).classifier(child));
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [a, b] = parts as [Predicate, Predicate];
    return (ctx) => {
      const r = a(ctx);
      return r === true ? b(ctx) : r;
    };
  }
  return (ctx) => {
    for (let i = 0; i < parts.length; i++) {
      const r = parts[i]!(ctx);
      if (r !== true) return r;
    }
    return true;
  };
};
