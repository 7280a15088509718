import * as t from "io-ts";
import type { Attribute } from "../../../model/attribute";
import { ScalarC, type Scalar } from "../../../model/fields";
import { node } from "../../../decode/tagged-union";
import { ref, type JsonSchema, type NodeSchema } from "../../../schema/types";
import type { ClassifierParts } from "../../types";
import { AttributeRefC } from "../../refs";

/*
 * The shape most classifiers share: `{ "__type": tag, "attribute": …, "value": … }`, an attribute
 * compared with a literal. Each family (orderings, memberships, string tests, versions, instants)
 * builds its descriptors from these pieces.
 */

/** A node that compares the attribute `attribute` with the literal `value`. */
export interface AttributeTest<K extends string, A extends Attribute, V> {
  readonly __type: K;
  readonly attribute: A;
  readonly value: V;
}

/** A comparison node: an attribute and a scalar literal. */
export type ComparisonNode<K extends string> = AttributeTest<K, Attribute, Scalar>;

/** The codec of an attribute test whose attribute and literal have the given codecs. */
export function attributeTestCodec<K extends string, A extends Attribute, V>(
  tag: K,
  attribute: t.Type<A, A, unknown>,
  value: t.Type<V, V, unknown>,
): t.Type<AttributeTest<K, A, V>, AttributeTest<K, A, V>, unknown> {
  return node(tag, { __type: t.literal(tag), attribute, value });
}

/** The codec of a comparison with a scalar literal. */
export const comparisonCodec = <K extends string>(tag: K) => attributeTestCodec(tag, AttributeRefC, ScalarC);

/** The schema of an attribute test. */
export function attributeTestSchema(description: string, attribute: string, value: JsonSchema): NodeSchema {
  return { description, properties: { attribute: ref(attribute), value }, required: ["attribute", "value"] };
}

/** The parts of every attribute test: one attribute, no child classifier. */
export function readsAttribute<N extends { readonly attribute: Attribute }>(): ClassifierParts<N> {
  return { kind: "attribute", attribute: (n) => n.attribute, withAttribute: (n, attribute) => ({ ...n, attribute }) };
}
