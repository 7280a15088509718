import type { NodeSchema } from "../../schema/types";
import type { EvaluationError } from "../../evaluate/details";
import type { AttributeDescriptor } from "../types";
import { contextCodec, contextSchema, mismatch, missing, type ContextNode } from "./shapes/context";
import { contextReader } from "./shapes/context-reader";

const tag = "context.boolean";

/** `context.boolean`: `ctx[name]`, which must be a boolean. */
export const contextBoolean: AttributeDescriptor<ContextNode<typeof tag>, "boolean", string> = {
  tag,
  codec: contextCodec(tag),
  processConstant: false,
  yields: "boolean",
  contextType: "boolean",
  // `node`, not `{ name }`: see shapes/context.ts on what a getter keeps alive.
  compile: (node, scope) => {
    const name = node.name;
    const read = contextReader(name);
    const site = scope.errorSite();
    // Built on the first miss, not at load (see shapes/context.ts): then the same record every time.
    let absent: EvaluationError | undefined;
    return (ctx) => {
      const v = read(ctx, name);
      if (typeof v === "boolean") return v;
      return v === undefined ? (absent ??= missing(site, name, "a boolean")) : mismatch(site, name, "a boolean", v);
    };
  },
};

/** The JSON Schema of `context.boolean` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const contextBooleanSchema = (): NodeSchema => contextSchema("A boolean from the evaluation context.");
