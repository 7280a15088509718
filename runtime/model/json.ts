import * as t from "io-ts";
import { validatesAsIs } from "../decode/as-is";

/** Any value JSON can carry. Feature values and `default` are of this type. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Deeper values than this are rejected: hostile JSON must not overflow the stack anywhere later. */
export const MAX_JSON_DEPTH = 64;

function describeNonJson(u: unknown): string | undefined {
  switch (typeof u) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(u) ? undefined : `the non-JSON number ${String(u)}`;
    case "object":
      return undefined;
    case "undefined":
      return "undefined";
    default:
      return `a ${typeof u}`;
  }
}

/**
 * Checks a value is plain JSON, iteratively (an explicit stack), so depth is bounded by
 * MAX_JSON_DEPTH and never by the call stack.
 */
function validateJson(root: unknown, c: t.Context): t.Validation<JsonValue> {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) {
      return t.failure(root, c, `${path ? `at ${path}: ` : ""}value nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    const bad = describeNonJson(value);
    if (bad !== undefined) return t.failure(root, c, `expected a JSON value${path ? ` at ${path}` : ""}, found ${bad}`);
    if (typeof value === "object" && value !== null) {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          // A hole would be written as null and read back as something else.
          if (!(i in value)) return t.failure(root, c, `expected a JSON value at ${path}[${i}], found a hole in a sparse array`);
          stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
        }
      } else {
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          return t.failure(root, c, `expected a plain JSON object${path ? ` at ${path}` : ""}`);
        }
        for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: `${path}.${k}`, depth: depth + 1 });
      }
    }
  }
  return t.success(root as JsonValue);
}

/** io-ts codec for {@link JsonValue}. */
export const JsonValueC: t.Type<JsonValue, JsonValue, unknown> = validatesAsIs(
  new t.Type<JsonValue, JsonValue, unknown>(
    "JsonValue",
    // A scalar (most bucket values and defaults) is answered without the walk's stack.
    (u): u is JsonValue => (typeof u !== "object" || u === null ? describeNonJson(u) === undefined : validateJson(u, [])._tag === "Right"),
    validateJson,
    t.identity,
  ),
);
