/**
 * How a value is named inside a message, in one place so every message reads alike. Each
 * describer is total: it never throws, whatever it is given (a hostile context can hand over
 * proxies, throwing getters and objects that cannot be printed).
 */

/** `text`, cut to at most `max` characters with a trailing `...` when it is longer. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * A short, single-line picture of a found value, as JSON, for decode messages ("expected X,
 * found Y"): `"abc"`, `3`, `{"a":1}`, `nothing` for undefined.
 */
export function describeValue(u: unknown): string {
  if (u === undefined) return "nothing";
  if (typeof u === "number" || typeof u === "bigint") return String(u);
  if (typeof u === "function") return "a function";
  let text: string;
  try {
    text = JSON.stringify(u) ?? typeof u;
  } catch {
    text = `a ${typeof u}`;
  }
  return clip(text);
}

/**
 * What a context held, by kind and (for scalars) value, for evaluation errors: `a string ("x")`,
 * `a number (3)`, `null`, `an array`, `an object`.
 */
export function describeFound(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `a string (${JSON.stringify(clip(value, 40))})`;
    case "number":
    case "boolean":
    case "bigint":
      return `a ${typeof value} (${String(value)})`;
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

/**
 * What was thrown, as text, without risking a second throw: a hostile context can throw an object
 * whose `toString` throws too, and a getter must still never throw.
 */
export function describeThrown(thrown: unknown): string {
  try {
    return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  } catch {
    return "a value that cannot be printed";
  }
}
