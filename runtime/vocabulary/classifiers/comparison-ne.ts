import { EvaluationError } from "../../evaluate/details";
import { ref, type NodeSchema } from "../../schema/types";
import type { ClassifierDescriptor } from "../types";
import { attributeTestSchema, comparisonCodec, readsAttribute, type ComparisonNode } from "./shapes/reads-attribute";

const tag = "comparison.ne";

/**
 * `comparison.ne`: the negation of `eq` for values `eq` can compare (two numbers, two strings, two
 * booleans); false for pairs of different types, which are neither equal nor unequal. PyOF's Rust
 * maps `!=` to `eq`, a bug this does not copy.
 */
export const ne: ClassifierDescriptor<ComparisonNode<typeof tag>> = {
  tag,
  codec: comparisonCodec(tag),
  parts: readsAttribute(),
  compile: (node, scope) => {
    const read = scope.at("attribute").attribute(node.attribute);
    const other = node.value;
    const otherType = other === null ? "null" : typeof other;
    return (ctx) => {
      const a = read(ctx);
      if (a instanceof EvaluationError) return a;
      return typeof a === otherType && a !== other;
    };
  },
};

/** The JSON Schema of `comparison.ne` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const neSchema = (): NodeSchema => attributeTestSchema("attribute differs from a value of the same type; false for different types.", "attribute", ref("scalar"));
