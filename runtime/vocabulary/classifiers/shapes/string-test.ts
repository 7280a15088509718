import type { NodeSchema } from "../../../schema/types";
import * as t from "io-ts";
import { EvaluationError } from "../../../evaluate/details";
import type { Attribute } from "../../../model/attribute";
import type { Getter, Predicate } from "../../../compile/types";
import type { ClassifierDescriptor } from "../../types";
import { AttributeRefC } from "../../refs";
import { attributeTestCodec, attributeTestSchema, readsAttribute, type AttributeTest } from "./reads-attribute";

/** A substring test node: an attribute and a string literal. */
export type StringTestNode<K extends string> = AttributeTest<K, Attribute, string>;

/**
 * The `str.*` tests: a string attribute and the literal, case-sensitive; false for other types.
 * Each tag writes its own closure (`test`), so the hot call stays monomorphic.
 */
export function stringTest<K extends string>(
  tag: K,
  test: (read: Getter, literal: string) => Predicate,
): ClassifierDescriptor<StringTestNode<K>> {
  return {
    tag,
    codec: attributeTestCodec(tag, AttributeRefC, t.string),
    parts: readsAttribute(),
    compile: (node, scope) => test(scope.at("attribute").attribute(node.attribute), node.value),
  };
}

/** What a string test returns for a value that is not a string: the attribute's error, or false. */
export function notAString(a: unknown): boolean | EvaluationError {
  return a instanceof EvaluationError ? a : false;
}

/** The JSON Schema of the string tests (`str.startswith` and the like), from the tag's description (runtime/schema; kept out of the descriptor, so an app bundle leaves it out). */
export function stringTestSchema(description: string): NodeSchema {
  return attributeTestSchema(description, "attribute", { type: "string" });
}
