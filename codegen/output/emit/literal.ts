/*
 * JSON values as TypeScript source: `{ text: "Welcome", sizes: [1, 2] }`. Keys that are identifiers
 * go unquoted; `__proto__` is written computed, since a plain `"__proto__":` in an object literal
 * sets the prototype instead of a property.
 */

/** Beyond this width a value is spread over several lines. */
const WIDTH = 100;

function key(name: string): string {
  if (name === "__proto__") return `["__proto__"]`;
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${key(k)}: ${oneLine(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

function multiLine(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  const short = oneLine(value);
  if (short.length + indent.length <= WIDTH) return short;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${multiLine(v, inner)},`).join("\n")}\n${indent}]`;
  if (typeof value === "object" && value !== null) {
    return `{\n${Object.entries(value).map(([k, v]) => `${inner}${key(k)}: ${multiLine(v, inner)},`).join("\n")}\n${indent}}`;
  }
  return short;
}

/** A JSON value as a TypeScript expression, on one line when it fits. */
export function literal(value: unknown): string {
  return multiLine(value, "");
}
