import { runInNewContext } from "node:vm";
import * as E from "fp-ts/Either";
import { Project } from "ts-morph";
import { t } from "../../../../runtime";
import { codecOf, isPermissive } from "../../../../codegen/pipeline/type-read/value-codec";
import { renderCodec } from "../../../../codegen/output/emit/value-codec";

/*
 * The value codec the generator emits for a value type: golden text, and what the printed codec
 * accepts and refuses when run (it is evaluated with io-ts as `t`, as generated modules import it).
 */

const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true } });
const PRELUDE = `
export interface Banner { readonly text: string; readonly color: "blue" | "red"; readonly size?: number }
export type Tree = { readonly label: string; readonly children: readonly Tree[] };
export enum Color { Red = "red", Blue = "blue" }
`;

let n = 0;
/** The codec of `typeText`, printed with `typeText` as its name, as the accessor does. */
function codecText(typeText: string): { text: string; permissive: boolean } {
  const file = project.createSourceFile(`/case${n++}.ts`, `${PRELUDE}\ndeclare const value: ${typeText};\n`);
  const declaration = file.getVariableDeclarationOrThrow("value");
  const codec = codecOf(declaration.getType(), declaration);
  return { text: renderCodec(codec, typeText), permissive: isPermissive(codec) };
}

function run(text: string): t.Decoder<unknown, unknown> {
  return runInNewContext(text, { t }) as t.Decoder<unknown, unknown>;
}

describe("value codecs from value types", () => {
  it.each<[string, string, unknown[], unknown[]]>([
    ["boolean | 42", 't.union([t.boolean, t.literal(42)], "boolean | 42")', [true, false, 42], [41, "42", null]],
    ['"a" | "b"', 't.union([t.literal("a"), t.literal("b")], "\\"a\\" | \\"b\\"")', ["a", "b"], ["c", 1]],
    ["string | null", 't.union([t.null, t.string], "string | null")', ["", null], [undefined, 0]],
    ["number", "t.number", [0, -1.5], ["1", null]],
    ["readonly string[]", "t.readonlyArray(t.string)", [[], ["x"]], [[1], "x"]],
    ["ReadonlyArray<number>", "t.readonlyArray(t.number)", [[], [1]], [["1"]]],
    // A mutable array gets `t.array`: `t.readonlyArray`'s output would not be assignable to it.
    ["string[]", "t.array(t.string)", [[], ["x"]], [[1], "x"]],
    ["{ facets: string[] }", 't.type({ facets: t.array(t.string) }, "{ facets: string[] }")', [{ facets: ["brand"] }], [{ facets: "brand" }]],
    ["[string, number]", "t.tuple([t.string, t.number])", [["a", 1]], [["a"], [1, "a"]]],
    ["Record<string, number>", "t.record(t.string, t.number)", [{}, { a: 1 }], [{ a: "1" }, []]],
    // Union members in the canonical order (union-order.ts), not the enum's: "blue" before "red".
    ["Color", 't.union([t.literal("blue"), t.literal("red")], "Color")', ["red", "blue"], ["Red", "green"]],
    [
      "Banner",
      't.intersection([\n  t.type({ text: t.string, color: t.union([t.literal("blue"), t.literal("red")]) }),\n  t.partial({ size: t.number }),\n], "Banner")',
      [{ text: "x", color: "red" }, { text: "x", color: "blue", size: 2 }],
      [{ text: "x" }, { text: "x", color: "red", size: "2" }, 12],
    ],
    ["{ a: string } & { b: number }", 't.intersection([t.type({ a: t.string }), t.type({ b: t.number })], "{ a: string } & { b: number }")', [{ a: "", b: 0 }], [{ a: "" }]],
    ['{ "odd key": 1 }', 't.type({ "odd key": t.literal(1) }, "{ \\"odd key\\": 1 }")', [{ "odd key": 1 }], [{}]],
  ])("%s", (type, expected, accepted, refused) => {
    const { text, permissive } = codecText(type);
    expect(text).toBe(expected);
    expect(permissive).toBe(false);
    const codec = run(text);
    for (const value of accepted) expect([value, E.isRight(codec.decode(value))]).toEqual([value, true]);
    for (const value of refused) expect([value, E.isRight(codec.decode(value))]).toEqual([value, false]);
  });

  it.each<[string, RegExp]>([
    ["unknown", /^t\.unknown \/\* not checked: the type is unknown \*\/$/],
    ["Date", /^t\.unknown \/\* not checked: Date has a method \(\w+\), which JSON cannot hold \*\/$/],
    ["Tree", /children: t\.readonlyArray\(t\.unknown \/\* not checked: Tree is recursive \*\/\)/],
    ["() => void", /not checked: .* is a function, which JSON cannot hold/],
  ])("%s falls back to any JSON, saying why", (type, expected) => {
    const { text, permissive } = codecText(type);
    expect(text).toMatch(expected);
    expect(permissive).toBe(true);
  });

  it("a recursive type still checks its first level", () => {
    const codec = run(codecText("Tree").text);
    expect(E.isRight(codec.decode({ label: "root", children: [{ anything: true }] }))).toBe(true);
    expect(E.isRight(codec.decode({ label: 1, children: [] }))).toBe(false);
  });
});
