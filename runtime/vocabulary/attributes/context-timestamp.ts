import type { NodeSchema } from "../../schema/types";
import { parseInstant } from "../../time/instant";
import { lastParsed } from "../../compile/parse-cache";
import type { AttributeDescriptor } from "../types";
import type { EvaluationError } from "../../evaluate/details";
import { contextCodec, contextSchema, mismatch, missing, type ContextNode } from "./shapes/context";
import { contextReader } from "./shapes/context-reader";

const tag = "context.timestamp";

/**
 * `context.timestamp`: `ctx[name]` as epoch milliseconds. Either a finite number (already
 * milliseconds) or an RFC 3339 string with a time zone ("2026-12-01T09:30:00Z"). Anything else,
 * including a zone-less date-time whose meaning would depend on the server's zone, is `TYPE_MISMATCH`.
 */
export const contextTimestamp: AttributeDescriptor<ContextNode<typeof tag>, "instant", string> = {
  tag,
  codec: contextCodec(tag),
  processConstant: false,
  yields: "instant",
  contextType: "string | number",
  // `node`, not `{ name }`: see shapes/context.ts on what a getter keeps alive.
  compile: (node, scope) => {
    const name = node.name;
    const read = contextReader(name);
    const site = scope.errorSite();
    // Built on the first miss, not at load (see shapes/context.ts): then the same record every time.
    let absent: EvaluationError | undefined;
    // The parser's memo, made on the first string (see context-version.ts): a getter fed numbers never needs one.
    let parse: ((text: string) => number | undefined) | undefined;
    return (ctx) => {
      const v = read(ctx, name);
      if (typeof v === "number" && Number.isFinite(v)) return v;
      if (typeof v === "string") {
        const ms = (parse ??= lastParsed(parseInstant))(v);
        if (ms !== undefined) return ms;
      }
      if (v === undefined) return (absent ??= missing(site, name, "a timestamp"));
      return mismatch(site, name, 'epoch milliseconds or an RFC 3339 instant like "2026-12-01T00:00:00Z"', v);
    };
  },
};

/** The JSON Schema of `context.timestamp` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const contextTimestampSchema = (): NodeSchema => contextSchema("An instant from the evaluation context: epoch milliseconds or an RFC 3339 string with a time zone.");
