import { canonicalMemberOrder, canonicalUnionOrder } from "../../../../codegen/pipeline/type-read/union-order";
import type { CodecNode } from "../../../../codegen/pipeline/type-read/value-codec";

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

// That a feature's generated types do not depend on which feature files the checker saw first is
// checked through a real gen in test/codegen/gen.test.ts ("value and context types").
