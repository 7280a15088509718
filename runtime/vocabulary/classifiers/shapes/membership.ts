import * as t from "io-ts";
import { EvaluationError } from "../../../evaluate/details";
import type { Attribute } from "../../../model/attribute";
import { ScalarC, type Scalar } from "../../../model/fields";
import { ref, type NodeSchema } from "../../../schema/types";
import type { ClassifierDescriptor } from "../../types";
import type { Getter, Predicate } from "../../../compile/types";
import { AttributeRefC } from "../../refs";
import { inContextString } from "./context-string-tests";
import { attributeTestCodec, attributeTestSchema, readsAttribute, type AttributeTest } from "./reads-attribute";

/** A set membership node: an attribute and a list of scalars. */
export type MembershipNode<K extends string> = AttributeTest<K, Attribute, readonly Scalar[]>;

/**
 * `comparison.in` and `comparison.notin`: a list of up to three becomes fixed comparisons (faster
 * than a Set's lookup, about 8 ns against 11-17 ns for three strings, and nothing built at load);
 * a longer list becomes a `Set` at load, so it costs one lookup. Same-type equality as `eq` (`Set#has` never coerces: `"1"` is not `1`); a value
 * that is not a string, number or boolean is in no list (false either way), and an attribute
 * error propagates: a missing attribute is not "none of them".
 */
export function membership<K extends string>(tag: K, negated: boolean): ClassifierDescriptor<MembershipNode<K>> {
  return {
    tag,
    codec: attributeTestCodec(tag, AttributeRefC, t.readonlyArray(ScalarC)),
    parts: readsAttribute(),
    compile: (node, scope) => {
      const at = scope.at("attribute");
      const key = at.directContextKey(node.attribute, "string");
      if (key !== undefined) return inContextString(key, at.errorSite(), node.value, negated);
      const read = at.attribute(node.attribute);
      if (node.value.length <= 3) return fewMembers(read, node.value, negated);
      const members = new Set<unknown>(node.value);
      if (negated) {
        return (ctx) => {
          const a = read(ctx);
          if (typeof a === "object") return a instanceof EvaluationError ? a : false;
          return !members.has(a);
        };
      }
      return (ctx) => {
        const a = read(ctx);
        if (typeof a === "object") return a instanceof EvaluationError ? a : false;
        return members.has(a);
      };
    },
  };
}

/**
 * Membership in a list of at most three scalars, as fixed `===` tests. The same answers as
 * `Set#has`: JSON scalars are finite (no NaN), and `===`, like the Set, equates 0 and -0.
 */
function fewMembers(read: Getter, list: readonly Scalar[], negated: boolean): Predicate {
  // Missing members are undefined, which no attribute value is (absent is an error). Indexed, not
  // destructured: array destructuring runs the iterator protocol, an iterator and a result per
  // member in unoptimized code, and a store compiles most features before V8 optimizes this.
  const m0 = list[0];
  const m1 = list[1];
  const m2 = list[2];
  if (negated) {
    return (ctx) => {
      const a = read(ctx);
      if (typeof a === "object") return a instanceof EvaluationError ? a : false;
      return a !== m0 && a !== m1 && a !== m2;
    };
  }
  return (ctx) => {
    const a = read(ctx);
    if (typeof a === "object") return a instanceof EvaluationError ? a : false;
    return a === m0 || a === m1 || a === m2;
  };
}

/** The JSON Schema of the memberships (`comparison.in`, `comparison.notin`), from the tag's description (runtime/schema; kept out of the descriptor, so an app bundle leaves it out). */
export function membershipSchema(description: string): NodeSchema {
  return attributeTestSchema(description, "attribute", { type: "array", items: ref("scalar") });
}
