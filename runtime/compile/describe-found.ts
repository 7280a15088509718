/** Names what a context held, for "expected a string, found a number (3)". */
export function describeFound(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)})`;
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
