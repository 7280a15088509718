import { absurd } from "fp-ts/function";
import type { CodecNode, Property } from "../../pipeline/type-read/value-codec";

/*
 * Prints a value codec (codegen/value-codec.ts) as an io-ts expression over `t`, the io-ts the
 * runtime re-exports. Named types keep their name (`t.type({ ... }, "Banner")`), so a value that
 * does not fit is reported as "expected Banner".
 */

/** The identifier generated code binds io-ts to. */
export const IO_TS = "t";

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Objects that fit on a line are printed on one. */
const LINE = 80;

function props(properties: readonly Property[], indent: string): string {
  if (properties.length === 0) return "{}";
  const line = `{ ${properties.map((p) => `${key(p.key)}: ${render(p.codec, indent)}`).join(", ")} }`;
  if (line.length <= LINE && !line.includes("\n")) return line;
  const inner = `${indent}  `;
  return `{\n${properties.map((p) => `${inner}${key(p.key)}: ${render(p.codec, inner)},`).join("\n")}\n${indent}}`;
}

function named(name: string | undefined): string {
  return name === undefined ? "" : `, ${JSON.stringify(name)}`;
}

function render(node: CodecNode, indent: string, name?: string): string {
  const list = (members: readonly CodecNode[]) => `[${members.map((m) => render(m, indent)).join(", ")}]`;
  switch (node.__type) {
    case "string":
    case "number":
    case "boolean":
    case "null":
      return `${IO_TS}.${node.__type}`;
    case "literal":
      return `${IO_TS}.literal(${JSON.stringify(node.value)})`;
    case "array":
      return `${IO_TS}.${node.readonly ? "readonlyArray" : "array"}(${render(node.element, indent)})`;
    case "tuple":
      return `${IO_TS}.tuple(${list(node.elements)})`;
    case "record":
      return `${IO_TS}.record(${IO_TS}.string, ${render(node.value, indent)})`;
    case "union":
      return `${IO_TS}.union(${list(node.members)}${named(name ?? node.name)})`;
    case "intersection":
      return `${IO_TS}.intersection(${list(node.members)}${named(name ?? node.name)})`;
    case "object": {
      const label = name ?? node.name;
      if (node.optional.length === 0) return `${IO_TS}.type(${props(node.required, indent)}${named(label)})`;
      if (node.required.length === 0) return `${IO_TS}.partial(${props(node.optional, indent)}${named(label)})`;
      const inner = `${indent}  `;
      return `${IO_TS}.intersection([\n${inner}${IO_TS}.type(${props(node.required, inner)}),\n${inner}${IO_TS}.partial(${props(node.optional, inner)}),\n${indent}]${named(label)})`;
    }
    case "permissive":
      // The reason sits in the generated code: a reader sees why this part is not checked.
      return `${IO_TS}.unknown /* not checked: ${node.reason.replace(/\*\//g, "* /")} */`;
    default:
        return absurd(node);
  }
}

/**
 * The io-ts expression for `node`. `name` names the whole codec (the getter's value type as
 * written, `boolean | 42`), so messages quote what the getter promises; a primitive keeps io-ts's name.
 */
export function renderCodec(node: CodecNode, name?: string): string {
  if (name !== undefined && (node.__type === "union" || node.__type === "intersection" || node.__type === "object")) return render(node, "", name);
  return render(node, "");
}
