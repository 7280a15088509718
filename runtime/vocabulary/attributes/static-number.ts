import type { NodeSchema } from "../../schema/types";
import * as t from "io-ts";
import { FiniteNumberC } from "../../model/fields";
import { node } from "../../decode/tagged-union";
import type { AttributeDescriptor } from "../types";

const tag = "static.number";

/** A fixed number (PyOF `static.number`). */
export interface StaticNumberNode {
  readonly __type: typeof tag;
  readonly value: number;
}

/** `static.number`: the literal itself. */
export const staticNumber: AttributeDescriptor<StaticNumberNode, "number", undefined> = {
  tag,
  codec: node(tag, { __type: t.literal(tag), value: FiniteNumberC }),
  processConstant: true,
  yields: "number",
  compile: (n) => {
    const value = n.value;
    return () => value;
  },
};

/** The JSON Schema of `static.number` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const staticNumberSchema = (): NodeSchema => ({ description: "A fixed number.", properties: { value: { type: "number" } }, required: ["value"] });
