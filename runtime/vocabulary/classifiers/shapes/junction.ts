import * as t from "io-ts";
import type { Classifier } from "../../../model/classifier";
import { node } from "../../../decode/tagged-union";
import { ref, type NodeSchema } from "../../../schema/types";
import type { Predicate, Scope } from "../../../compile/types";
import type { ClassifierDescriptor } from "../../types";
import { ClassifierRefC } from "../../refs";

/** A node that combines a list of classifiers (`bool.all`, `bool.any`). */
export interface JunctionNode<K extends string> {
  readonly __type: K;
  readonly value: readonly Classifier[];
}

/** The parts of a junction, for the descriptor of `bool.all` or `bool.any`; `compile` is the tag's own. */
export function junction<K extends string>(
  tag: K,
  compile: (parts: readonly Predicate[]) => Predicate,
): ClassifierDescriptor<JunctionNode<K>> {
  const codec: t.Type<JunctionNode<K>, JunctionNode<K>, unknown> = node(tag, { __type: t.literal(tag), value: t.readonlyArray(ClassifierRefC) });
  return {
    tag,
    codec,
    parts: {
      kind: "children",
      children: (n) => n.value.map((child, i) => ({ key: `value[${i}]`, node: child })),
      childNodes: (n) => n.value,
      withChildren: (n, children) => ({ ...n, value: children }),
    },
    compile: (n, scope: Scope) => {
      const list = scope.at("value");
      return compile(n.value.map((child, i) => list.at(i).classifier(child)));
    },
  };
}

/** The JSON Schema of the junctions (`bool.all`, `bool.any`), from the tag's description (runtime/schema; kept out of the descriptor, so an app bundle leaves it out). */
export function junctionSchema(description: string): NodeSchema {
  return { description, properties: { value: { type: "array", items: ref("classifier") } }, required: ["value"] };
}
