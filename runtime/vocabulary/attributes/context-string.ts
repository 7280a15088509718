import type { NodeSchema } from "../../schema/types";
import type { EvaluationError } from "../../evaluate/details";
import type { ErrorSite } from "../../compile/types";
import type { AttributeDescriptor } from "../types";
import { contextCodec, contextSchema, mismatch, missing, type ContextNode } from "./shapes/context";
import { contextReader } from "./shapes/context-reader";

const tag = "context.string";

/** What a `context.string` key must hold, as its errors say. */
export const A_STRING = "a string";

/**
 * The getter's error for what the key held instead of a string, or undefined when it held nothing
 * (the caller builds the missing-key error once and keeps it). Shared with the operators that read
 * the key themselves (classifiers/shapes/context-string-tests.ts).
 */
export function notAString(site: ErrorSite, name: string, found: unknown): EvaluationError | undefined {
  return found === undefined ? undefined : mismatch(site, name, A_STRING, found);
}

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
      return notAString(site, name, v) ?? (absent ??= missing(site, name, A_STRING));
    };
  },
};

/** The JSON Schema of `context.string` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const contextStringSchema = (): NodeSchema => contextSchema("A string from the evaluation context.");
