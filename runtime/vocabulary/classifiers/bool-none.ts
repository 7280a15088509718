import * as t from "io-ts";
import type { Classifier } from "../../model/classifier";
import { isTaggedNode, type NoneLiteral } from "../../model/fields";
import { NoneLiteralC } from "../../model/none-literal";
import { node } from "../../decode/tagged-union";
import { ref, type NodeSchema } from "../../schema/types";
import type { ClassifierDescriptor } from "../types";
import { ClassifierRefC, refOrLiteral } from "../refs";

const tag = "bool.none";

/** Negation of a classifier, or PyOF's truthiness test of a literal. An error stays an error. */
export interface NoneNode {
  readonly __type: typeof tag;
  readonly value: Classifier | NoneLiteral;
}

/** `bool.none` holds a classifier when its value is a tagged object, a literal otherwise. */
const NegatedC = refOrLiteral<Classifier, NoneLiteral>("Classifier | NoneLiteral", ClassifierRefC, NoneLiteralC);

/** PyOF's `not literal`: true exactly for `""`, `0`, `false` and `[]`. */
export function isFalsyLiteral(literal: NoneLiteral): boolean {
  return literal === "" || literal === 0 || literal === false || (Array.isArray(literal) && literal.length === 0);
}

const NO_CHILD_NODES: readonly Classifier[] = Object.freeze([]);

/** `bool.none`: negation. An error stays an error (`not(error)` is not true), as in PyOF. */
export const none: ClassifierDescriptor<NoneNode> = {
  tag,
  codec: node(tag, { __type: t.literal(tag), value: NegatedC }),
  parts: {
    kind: "children",
    children: (n) => (isTaggedNode(n.value) ? [{ key: "value", node: n.value }] : []),
    childNodes: (n) => (isTaggedNode(n.value) ? [n.value] : NO_CHILD_NODES),
    withChildren: (n, children) => (children.length === 0 ? n : { ...n, value: children[0]! }),
  },
  compile: (n, scope) => {
    const value = n.value;
    if (!isTaggedNode(value)) {
      const result = isFalsyLiteral(value);
      return () => result;
    }
    const inner = scope.at("value").classifier(value);
    return (ctx) => {
      const r = inner(ctx);
      return r === true ? false : r === false ? true : r;
    };
  },
};

/** The JSON Schema of `bool.none` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const noneSchema = (): NodeSchema => ({
    description: 'Negation of a rule (an error stays an error), or PyOF\'s test of a literal: true for "", 0, false and [].',
    properties: { value: { anyOf: [ref("classifier"), ref("noneLiteral")] } },
    required: ["value"],
  });
