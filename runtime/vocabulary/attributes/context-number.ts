import type { NodeSchema } from "../../schema/types";
import type { EvaluationError } from "../../evaluate/details";
import type { ErrorSite } from "../../compile/types";
import type { AttributeDescriptor } from "../types";
import { contextCodec, contextSchema, mismatch, missing, type ContextNode } from "./shapes/context";
import { contextReader } from "./shapes/context-reader";

const tag = "context.number";

/** What a `context.number` key must hold, as its errors say. */
export const A_FINITE_NUMBER = "a finite number";

/**
 * The getter's error for what the key held instead of a finite number, or undefined when it held
 * nothing (the caller builds the missing-key error once and keeps it). Shared with the orderings
 * that read the key themselves (classifiers/shapes/context-number-order.ts).
 */
export function notAFiniteNumber(site: ErrorSite, name: string, found: unknown): EvaluationError | undefined {
  return found === undefined ? undefined : mismatch(site, name, A_FINITE_NUMBER, found);
}

/** `context.number`: `ctx[name]`, which must be a finite number (NaN is refused, not compared). */
export const contextNumber: AttributeDescriptor<ContextNode<typeof tag>, "number", string> = {
  tag,
  codec: contextCodec(tag),
  processConstant: false,
  yields: "number",
  contextType: "number",
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
      if (typeof v === "number" && Number.isFinite(v)) return v;
      return notAFiniteNumber(site, name, v) ?? (absent ??= missing(site, name, A_FINITE_NUMBER));
    };
  },
};

/** The JSON Schema of `context.number` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const contextNumberSchema = (): NodeSchema => contextSchema("A finite number from the evaluation context.");
