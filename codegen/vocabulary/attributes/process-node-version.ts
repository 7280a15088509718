import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `process.node_version`. */
export const nodeVersion: AttributeView<AttributeOf<"process.node_version">> = {
  tag: "process.node_version",
  describe: () => "nodeVersion",
  dsl: () => undefined,
  kind: "opaque",
};
