import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";
import { contextCall } from "./context-call";

/** How codegen reads, writes and analyses `context.string`. */
export const contextString: AttributeView<AttributeOf<"context.string">> = {
  tag: "context.string",
  describe: (node, kit) => kit.contextKey(node.name),
  dsl: (node) => contextCall("string", node.name),
  kind: "opaque",
};
