import type { AttributeOf } from "../../model/attribute";
import { parseInstant } from "../../time/instant";
import { describeFound } from "../../describe-value";
import { lastParsed } from "../parse-cache";
import type { AttributeDefinition } from "../types";

/**
 * `context.timestamp`: `ctx[name]` as epoch milliseconds. Either a finite number (already
 * milliseconds) or an RFC 3339 string with a time zone. Anything else, including a zone-less
 * date-time whose meaning would depend on the server's zone, is `TYPE_MISMATCH`.
 */
export const contextTimestamp: AttributeDefinition<AttributeOf<"context.timestamp">> = {
  processConstant: false,
  compile: ({ name }, scope) => {
    const absent = scope.error("ATTRIBUTE_MISSING", `context attribute ${JSON.stringify(name)} is missing; expected a timestamp`);
    const parse = lastParsed(parseInstant);
    return (ctx) => {
      const v = ctx[name];
      if (typeof v === "number" && Number.isFinite(v)) return v;
      if (typeof v === "string") {
        const ms = parse(v);
        if (ms !== undefined) return ms;
      }
      if (v === undefined) return absent;
      return scope.error(
        "TYPE_MISMATCH",
        `context attribute ${JSON.stringify(name)} must be epoch milliseconds or an RFC 3339 instant like "2026-12-01T00:00:00Z", found ${describeFound(v)}`,
      );
    };
  },
};
