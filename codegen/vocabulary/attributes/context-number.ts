import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";
import { contextCall } from "./context-call";

/** How codegen reads, writes and analyses `context.number`. */
export const contextNumber: AttributeView<AttributeOf<"context.number">> = {
  tag: "context.number",
  describe: (node, kit) => kit.contextKey(node.name),
  dsl: (node) => contextCall("number", node.name),
  kind: "opaque",
};
