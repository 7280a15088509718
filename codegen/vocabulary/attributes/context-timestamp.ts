import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `context.timestamp`. */
export const contextTimestamp: AttributeView<AttributeOf<"context.timestamp">> = {
  tag: "context.timestamp",
  describe: (node, kit) => kit.contextKey(node.name),
  dsl: () => undefined,
  kind: "opaque",
};
