import type { AttributeDescriptor } from "../types";
import { contextCodec, contextSchema, mismatch, missing, type ContextNode } from "./shapes/context";

const tag = "context.boolean";

/** `context.boolean`: `ctx[name]`, which must be a boolean. */
export const contextBoolean: AttributeDescriptor<ContextNode<typeof tag>, "boolean", string> = {
  tag,
  codec: contextCodec(tag),
  schema: contextSchema("A boolean from the evaluation context."),
  processConstant: false,
  yields: "boolean",
  contextType: "boolean",
  compile: ({ name }, scope) => {
    const absent = missing(scope, name, "a boolean");
    return (ctx) => {
      const v = ctx[name];
      if (typeof v === "boolean") return v;
      return v === undefined ? absent : mismatch(scope, name, "a boolean", v);
    };
  },
};
