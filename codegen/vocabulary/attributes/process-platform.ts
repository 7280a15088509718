import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `process.platform`. */
export const platform: AttributeView<AttributeOf<"process.platform">> = {
  tag: "process.platform",
  describe: () => "platform",
  dsl: () => undefined,
  kind: "opaque",
};
