import { EvaluationError } from "../../../evaluate/details";
import type { TimeAttribute } from "../../../model/attribute";
import { InstantLiteralC } from "../../../model/fields";
import { parseInstant } from "../../../time/instant";
import { ref, type NodeSchema } from "../../../schema/types";
import type { ClassifierDescriptor } from "../../types";
import { TimeAttributeRefC } from "../../refs";
import { attributeTestCodec, attributeTestSchema, readsAttribute, type AttributeTest } from "./reads-attribute";

/** A time comparison node: a time attribute and an RFC 3339 instant. */
export type TimeComparisonNode<K extends string> = AttributeTest<K, TimeAttribute, string>;

/**
 * `time.before` / `time.after` share one shape: the literal is parsed to epoch milliseconds once
 * at load; each evaluation compares the time attribute's milliseconds with it. The codec only lets
 * time attributes and valid instants through; an attribute error propagates.
 */
export function instantOrder<K extends string>(tag: K, holds: (at: number, instant: number) => boolean): ClassifierDescriptor<TimeComparisonNode<K>> {
  return {
    tag,
    codec: attributeTestCodec(tag, TimeAttributeRefC, InstantLiteralC),
    parts: readsAttribute(),
    compile: (node, scope) => {
      const read = scope.at("attribute").attribute(node.attribute);
      const instant = parseInstant(node.value);
      if (instant === undefined) {
        const invalid = scope.at("value").error("TYPE_MISMATCH", `not an RFC 3339 instant: ${JSON.stringify(node.value)}`);
        return () => invalid;
      }
      return (ctx) => {
        const a = read(ctx);
        if (typeof a === "number") return holds(a, instant);
        return a instanceof EvaluationError ? a : false;
      };
    },
  };
}

/** The JSON Schema of the instant orderings (`time.before`, `time.after`), from the tag's description (runtime/schema; kept out of the descriptor, so an app bundle leaves it out). */
export function instantOrderSchema(description: string): NodeSchema {
  return attributeTestSchema(description, "timeAttribute", ref("instant"));
}
