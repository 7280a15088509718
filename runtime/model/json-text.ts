/*
 * JSON text of a JSON value without recursion on its depth. V8's JSON.stringify recurses in C++
 * once per level and throws a RangeError when the stack runs out: with a 300 KB stack a 1,024-level
 * feature (the depth limit's ceiling) already overflows it when printed with indentation. It is
 * also several times faster than any writer in JavaScript, and loading hashes every feature's
 * text, so it stays the first try; only when it runs out of stack does the same text come from an
 * explicit-stack writer. The output is the same either way (tested against JSON.stringify).
 */

/** An array or object being written: its items (or keys), the next index, and its indentation. */
type Open =
  | { readonly kind: "array"; readonly value: readonly unknown[]; next: number; readonly indent: string }
  | { readonly kind: "object"; readonly value: Readonly<Record<string, unknown>>; readonly keys: readonly string[]; next: number; wrote: boolean; readonly indent: string };

/** What JSON.stringify leaves out of an object and writes as null in an array. */
const isSkipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/**
 * JSON.stringify(value, null, gap) for JSON data (what the codecs produce: plain objects and
 * arrays of strings, numbers, booleans and null), with an explicit stack. Exported for its test.
 */
export function writeJsonIteratively(root: unknown, gap = ""): string | undefined {
  if (isSkipped(root)) return undefined;
  const out: string[] = [];
  const stack: Open[] = [];
  // The containers being written, as JSON.stringify keeps them: a cycle is a TypeError, not a loop.
  const open = new Set<unknown>();
  const separator = gap === "" ? ":" : ": ";
  /** Writes a scalar, or opens a container (its first item is written by the loop). */
  const write = (value: unknown, indent: string) => {
    if (typeof value !== "object" || value === null) {
      out.push(JSON.stringify(value) ?? "null");
      return;
    }
    if (open.has(value)) throw new TypeError("Converting circular structure to JSON");
    open.add(value);
    if (Array.isArray(value)) {
      out.push("[");
      stack.push({ kind: "array", value, next: 0, indent });
    } else {
      out.push("{");
      stack.push({ kind: "object", value: value as Record<string, unknown>, keys: Object.keys(value), next: 0, wrote: false, indent });
    }
  };
  write(root, "");
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const inner = top.indent + gap;
    if (top.kind === "array") {
      if (top.next < top.value.length) {
        const item = top.value[top.next];
        out.push(top.next > 0 ? "," : "", gap === "" ? "" : `\n${inner}`);
        top.next++;
        write(isSkipped(item) ? null : item, inner);
        continue;
      }
      if (top.value.length > 0 && gap !== "") out.push(`\n${top.indent}`);
      out.push("]");
    } else {
      let wrote = false;
      while (top.next < top.keys.length) {
        const key = top.keys[top.next++]!;
        const item = top.value[key];
        if (isSkipped(item)) continue;
        out.push(top.wrote ? "," : "", gap === "" ? "" : `\n${inner}`, JSON.stringify(key), separator);
        top.wrote = true;
        write(item, inner);
        wrote = true;
        break;
      }
      if (wrote) continue;
      if (top.wrote && gap !== "") out.push(`\n${top.indent}`);
      out.push("}");
    }
    open.delete(top.value);
    stack.pop();
  }
  return out.join("");
}

/**
 * `JSON.stringify(value, null, indent)` for JSON data, whatever its depth (see the note above).
 * `indent` is a number of spaces (at most 10, as JSON.stringify) or none. Undefined (as from
 * JSON.stringify) for a value JSON leaves out: undefined, a function, a symbol.
 */
export function jsonText(value: object | string | number | boolean | null, indent?: number): string;
export function jsonText(value: unknown, indent?: number): string | undefined;
export function jsonText(value: unknown, indent?: number): string | undefined {
  try {
    return JSON.stringify(value, null, indent) as string | undefined;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  return writeJsonIteratively(value, indent === undefined ? "" : " ".repeat(Math.max(0, Math.min(10, Math.floor(indent)))));
}
