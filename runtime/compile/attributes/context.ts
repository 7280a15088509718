import type { AttributeOf } from "../../model/attribute";
import { describeFound } from "../../describe-value";
import type { AttributeDefinition, Scope } from "../types";
import type { EvaluationError } from "../../evaluate/details";

/*
 * Context attributes never coerce: a missing key or a value of another type is an error that makes
 * the bucket a non-match, and the details say which key and what was found.
 */

function missing(scope: Scope, name: string, expected: string): EvaluationError {
  return scope.error("ATTRIBUTE_MISSING", `context attribute ${JSON.stringify(name)} is missing; expected ${expected}`);
}
function mismatch(scope: Scope, name: string, expected: string, found: unknown): EvaluationError {
  return scope.error("TYPE_MISMATCH", `context attribute ${JSON.stringify(name)} must be ${expected}, found ${describeFound(found)}`);
}

/** `context.string`: `ctx[name]`, which must be a string. */
export const contextString: AttributeDefinition<AttributeOf<"context.string">> = {
  processConstant: false,
  compile: ({ name }, scope) => {
    const absent = missing(scope, name, "a string");
    return (ctx) => {
      const v = ctx[name];
      if (typeof v === "string") return v;
      return v === undefined ? absent : mismatch(scope, name, "a string", v);
    };
  },
};

/** `context.number`: `ctx[name]`, which must be a finite number (NaN is refused, not compared). */
export const contextNumber: AttributeDefinition<AttributeOf<"context.number">> = {
  processConstant: false,
  compile: ({ name }, scope) => {
    const absent = missing(scope, name, "a finite number");
    return (ctx) => {
      const v = ctx[name];
      if (typeof v === "number" && Number.isFinite(v)) return v;
      return v === undefined ? absent : mismatch(scope, name, "a finite number", v);
    };
  },
};

/** `context.boolean`: `ctx[name]`, which must be a boolean. */
export const contextBoolean: AttributeDefinition<AttributeOf<"context.boolean">> = {
  processConstant: false,
  compile: ({ name }, scope) => {
    const absent = missing(scope, name, "a boolean");
    return (ctx) => {
      const v = ctx[name];
      if (typeof v === "boolean") return v;
      return v === undefined ? absent : mismatch(scope, name, "a boolean", v);
    };
  },
};
