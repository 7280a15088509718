import { EvaluationError } from "../../evaluate/details";
import { ref, type NodeSchema } from "../../schema/types";
import type { ClassifierDescriptor } from "../types";
import { eqContextString } from "./shapes/context-string-tests";
import { attributeTestSchema, comparisonCodec, readsAttribute, type ComparisonNode } from "./shapes/reads-attribute";

const tag = "comparison.eq";

/**
 * `comparison.eq`: true when attribute and value are the same number, string or boolean. Values of
 * different types are never equal (no coercion); NaN equals nothing.
 */
export const eq: ClassifierDescriptor<ComparisonNode<typeof tag>> = {
  tag,
  codec: comparisonCodec(tag),
  parts: readsAttribute(),
  compile: (node, scope) => {
    const at = scope.at("attribute");
    const key = at.directContextKey(node.attribute, "string");
    if (key !== undefined) return eqContextString(key, at.errorSite(), node.value);
    const read = at.attribute(node.attribute);
    const expected = node.value;
    return (ctx) => {
      const a = read(ctx);
      if (a === expected) return true;
      return a instanceof EvaluationError ? a : false;
    };
  },
};

/** The JSON Schema of `comparison.eq` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const eqSchema = (): NodeSchema => attributeTestSchema("attribute equals value: the same number, string or boolean, never coerced.", "attribute", ref("scalar"));
