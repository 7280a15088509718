import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `static.number`. */
export const staticNumber: AttributeView<AttributeOf<"static.number">> = {
  tag: "static.number",
  describe: (node) => String(node.value),
  dsl: (node) => ({ call: `staticNumber(${JSON.stringify(node.value)})`, name: "staticNumber", yields: "number" }),
  kind: "constant",
};
