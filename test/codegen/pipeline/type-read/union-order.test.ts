import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../../../codegen/generate";
import { canonicalMemberOrder, canonicalUnionOrder } from "../../../../codegen/pipeline/type-read/union-order";
import type { CodecNode } from "../../../../codegen/pipeline/type-read/value-codec";
import { tempProject } from "../../temp-project";

jest.setTimeout(60_000);

describe("canonical union order of printed types", () => {
  it.each<[string, string]>([
    ['"hallo" | "hello" | "bonjour"', '"bonjour" | "hallo" | "hello"'],
    ["42 | boolean", "boolean | 42"],
    ["null | string", "string | null"],
    ["undefined | number | null", "number | null | undefined"],
    ["10 | -1 | 9", "-1 | 9 | 10"],
    ['{ mode: "strict" | "lenient"; rate: number; }', '{ mode: "lenient" | "strict"; rate: number; }'],
    ['("b" | "a")[]', '("a" | "b")[]'],
    ['import("/x/y").Limits | "none" | string', 'string | import("/x/y").Limits | "none"'],
    ["string", "string"],
    ['readonly ["b" | "a", 2 | 1]', 'readonly ["a" | "b", 1 | 2]'],
  ])("%s is written %s", (text, expected) => {
    expect(canonicalUnionOrder(text)).toBe(expected);
  });
});

test("codec members: primitives first as the checker lists them, then literals by value", () => {
  const members: CodecNode[] = [
    { __type: "literal", value: "red" },
    { __type: "null" },
    { __type: "literal", value: 2 },
    { __type: "literal", value: "blue" },
    { __type: "string" },
  ];
  expect(canonicalMemberOrder(members)).toEqual([{ __type: "null" }, { __type: "string" }, { __type: "literal", value: "blue" }, { __type: "literal", value: "red" }, { __type: "literal", value: 2 }]);
});

test("a feature's generated types do not depend on which other feature files the checker saw first", async () => {
  const p = tempProject();
  try {
    const greeting = (key: string, values: readonly string[]) =>
      `import { feature, ctx, eq } from "DSL";\nexport const ${key} = feature("${key}")\n${values
        .slice(0, -1)
        .map((v) => `  .bucket("${v}", eq(ctx.string("country"), "${v}"), "${v}")\n`)
        .join("")}  .default("${values[values.length - 1]}");\n`;
    p.write("zeta.ts", greeting("zeta", ["hallo", "hello", "bonjour"]));
    await generate(p.options);
    const alone = readFileSync(join(p.out, "zeta.ts"), "utf8");
    expect(alone).toContain('export type ZetaValue = "bonjour" | "hallo" | "hello";');
    // Checked first (file order), alpha makes the checker create "bonjour" before zeta's other values.
    p.write("alpha.ts", greeting("alpha", ["bonjour", "ciao"]));
    const summary = await generate(p.options);
    expect(summary.written).not.toContain("zeta.ts");
    expect(readFileSync(join(p.out, "zeta.ts"), "utf8")).toBe(alone);
  } finally {
    p.dispose();
  }
});
