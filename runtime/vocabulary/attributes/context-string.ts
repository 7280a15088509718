import type { NodeSchema } from "../../schema/types";
import type { EvaluationError } from "../../evaluate/details";
import type { AttributeDescriptor } from "../types";
import { contextCodec, contextSchema, mismatch, missing, type ContextNode } from "./shapes/context";
import { contextReader } from "./shapes/context-reader";

const tag = "context.string";

/** `context.string`: `ctx[name]`, which must be a string. */
export const contextString: AttributeDescriptor<ContextNode<typeof tag>, "string", string> = {
  tag,
  codec: contextCodec(tag),
  processConstant: false,
  yields: "string",
  contextType: "string",
  contextKey: (node) => node.name,
  // `node`, not `{ name }`: see shapes/context.ts on what a getter keeps alive.
  compile: (node, scope) => {
    const name = node.name;
    const read = contextReader(name);
    const site = scope.errorSite();
    // Built on the first miss, not at load (see shapes/context.ts): then the same record every time.
    let absent: EvaluationError | undefined;
    return (ctx) => {
      const v = read(ctx, name);
      if (typeof v === "string") return v;
      return v === undefined ? (absent ??= missing(site, name, "a string")) : mismatch(site, name, "a string", v);
    };
  },
};

/** The JSON Schema of `context.string` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const contextStringSchema = (): NodeSchema => contextSchema("A string from the evaluation context.");
