import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `context.version`. */
export const contextVersion: AttributeView<AttributeOf<"context.version">> = {
  tag: "context.version",
  describe: (node, kit) => kit.contextKey(node.name),
  dsl: () => undefined,
  kind: "opaque",
};
