import { EvaluationError } from "../../../evaluate/details";
import { ref } from "../../../schema/types";
import type { ClassifierDescriptor } from "../../types";
import { attributeTestSchema, comparisonCodec, readsAttribute, type ComparisonNode } from "./reads-attribute";

/**
 * The shape shared by `lt`, `lte`, `gt` and `gte`: true or false when both sides are numbers,
 * false otherwise, and an attribute's error passes through. A non-numeric literal is decided at
 * compile time.
 */
export function ordering<K extends string>(tag: K, description: string, holds: (attribute: number, bound: number) => boolean): ClassifierDescriptor<ComparisonNode<K>> {
  return {
    tag,
    codec: comparisonCodec(tag),
    schema: attributeTestSchema(description, "attribute", ref("scalar")),
    parts: readsAttribute(),
    compile: (node, scope) => {
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
    },
  };
}
