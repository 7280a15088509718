import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `error`. */
export const errorAttribute: AttributeView<AttributeOf<"error">> = {
  tag: "error",
  describe: () => "error()",
  dsl: () => ({ call: "errorAttribute()", name: "errorAttribute", yields: "number" }),
  kind: "opaque",
};
