import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";
import { contextCall } from "./context-call";

/** How codegen reads, writes and analyses `context.boolean`. */
export const contextBoolean: AttributeView<AttributeOf<"context.boolean">> = {
  tag: "context.boolean",
  describe: (node, kit) => kit.contextKey(node.name),
  dsl: (node) => contextCall("boolean", node.name),
  kind: "opaque",
};
